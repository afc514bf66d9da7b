package org.openpayloads.org.data;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openpayloads.org.schema.FieldDefinition;

/**
 * One record body, read against its object: the typed values to write (null clears a field), the Id it
 * named, references given by a parent's external id, and what was wrong with it.
 *
 * @param id        the {@code Id} value of the body as given, or null
 * @param type      the body's {@code attributes.type}, or null
 */
public record ParsedRecord(Map<String, @Nullable Object> values, @Nullable String id, List<ForeignKey> foreignKeys,
                           List<SfError> errors, @Nullable String type) {

    public ParsedRecord {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        foreignKeys = List.copyOf(foreignKeys);
        errors = List.copyOf(errors);
    }

    /** A reference given as {@code "Account": {"Ext__c": "42"}}: resolved to an id before the write. */
    public record ForeignKey(FieldDefinition field, String parentObject, String keyField, Object keyValue) {
    }

    public static ParsedRecord failed(SfError error) {
        return new ParsedRecord(Map.of(), null, List.of(), List.of(error), null);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
