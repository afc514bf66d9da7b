package org.openpayloads.org.query;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openpayloads.org.data.Record;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.ObjectDefinition;

/** A stored record as a {@link QueryRow}; parents come from the query's {@link ParentLoader}. */
public final class RecordRow implements QueryRow {

    private final Record record;
    private final ObjectDefinition object;
    private final ParentLoader parents;

    RecordRow(Record record, ObjectDefinition object, ParentLoader parents) {
        this.record = record;
        this.object = object;
        this.parents = parents;
    }

    public Record record() {
        return record;
    }

    public ObjectDefinition object() {
        return object;
    }

    @Override
    public @Nullable Object value(String field) {
        return object.field(field).map(f -> record.value(f.name())).orElse(null);
    }

    @Override
    public Optional<QueryRow> parent(String relationshipName) {
        return object.relationship(relationshipName).flatMap(field -> parentOf(field));
    }

    Optional<QueryRow> parentOf(FieldDefinition field) {
        Object id = record.value(field.name());
        if (id == null || field.referenceTo() == null) {
            return Optional.empty();
        }
        return parents.load(field.referenceTo(), id.toString()).map(row -> row);
    }
}
