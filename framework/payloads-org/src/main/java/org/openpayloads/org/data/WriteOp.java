package org.openpayloads.org.data;

import org.jspecify.annotations.Nullable;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.ObjectDefinition;

/**
 * One record to write.
 *
 * @param targetId the canonical id of the record to update (UPDATE only)
 * @param keyField the field an UPSERT matches by: an external id, an id-lookup field, or Id
 * @param keyValue its typed value; null for an upsert by Id that creates
 */
public record WriteOp(Kind kind, ObjectDefinition object, ParsedRecord input, @Nullable String targetId,
                      @Nullable FieldDefinition keyField, @Nullable Object keyValue) {

    /** What the write does. */
    public enum Kind {
        CREATE, UPDATE, UPSERT
    }

    public static WriteOp create(ObjectDefinition object, ParsedRecord input) {
        return new WriteOp(Kind.CREATE, object, input, null, null, null);
    }

    public static WriteOp update(ObjectDefinition object, ParsedRecord input, String targetId) {
        return new WriteOp(Kind.UPDATE, object, input, targetId, null, null);
    }

    public static WriteOp upsert(ObjectDefinition object, ParsedRecord input, FieldDefinition keyField,
                                 @Nullable Object keyValue) {
        return new WriteOp(Kind.UPSERT, object, input, null, keyField, keyValue);
    }

    /** An op that failed before it reached the engine (a malformed id, an unknown object). */
    public static WriteOp failed(ObjectDefinition object, SfError error) {
        return new WriteOp(Kind.CREATE, object, ParsedRecord.failed(error), null, null, null);
    }
}
