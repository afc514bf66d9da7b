package org.openpayloads.org.soql;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** An in-memory record for tests, built as {@code TestRecord.of("Name", "Acme").parent("Account", account)}. */
final class TestRecord implements RecordAccessor {

    private final Map<String, @Nullable Object> values = new HashMap<>();
    private final Map<String, TestRecord> parents = new HashMap<>();

    /** A record with alternating field names and values; a null value leaves the field empty. */
    static TestRecord of(@Nullable Object... namesAndValues) {
        TestRecord record = new TestRecord();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            record.values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return record;
    }

    TestRecord parent(String relationship, TestRecord parent) {
        parents.put(relationship, parent);
        return this;
    }

    /** The record's Name, or Id when it has none: what tests compare results by. */
    String label() {
        Object name = values.get("Name");
        return String.valueOf(name != null ? name : values.get("Id"));
    }

    @Override
    public @Nullable Object value(String field) {
        return values.get(field);
    }

    @Override
    public Optional<RecordAccessor> parent(String relationshipName) {
        return Optional.ofNullable(parents.get(relationshipName));
    }

    @Override
    public String toString() {
        return label();
    }
}
