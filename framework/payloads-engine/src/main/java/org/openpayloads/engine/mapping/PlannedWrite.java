package org.openpayloads.engine.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.records.RecordRef;
import org.openpayloads.api.records.RecordWrite;

/**
 * A write a preview worked out, with its values as they are, pending ids included, so that the same writes can be
 * sent in one transaction.
 *
 * @param operation the operation as the preview shows it
 * @param recordId the record's id when found before the write
 * @param match what the record was found by, as {@code fields}
 * @param fields the values to send; an id this job would make is a {@link Pending}
 */
record PlannedWrite(RecordOperation operation, @Nullable String recordId, @Nullable Object externalIdValue,
                    Map<String, @Nullable Object> match, Map<String, @Nullable Object> fields) {

    /** Whether the write can go in a transaction: an update or delete needs its record's id known beforehand. */
    boolean sendable() {
        return switch (operation.action()) {
            case UPDATE -> recordId != null;
            case DELETE -> recordId != null || externalIdValue != null;
            case INSERT, UPSERT -> true;
            case SKIP -> false;
        };
    }

    /** The operation as the run did it: each pending id replaced by the id its write got. */
    RecordOperation done(List<@Nullable String> ids) {
        return new RecordOperation(operation.target(), operation.index(), operation.object(), operation.action(),
                operation.externalIdField(), operation.recordId(), resolved(match, ids), resolved(fields, ids),
                operation.reason());
    }

    /** The write to send, with each pending id as a reference to the write that makes it. */
    RecordWrite toRecordWrite() {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        fields.forEach((field, value) -> values.put(field, value instanceof Pending pending
                ? new RecordRef(pending.write()) : value));
        String object = operation.object();
        return switch (operation.action()) {
            case INSERT -> RecordWrite.insert(object, values);
            case UPDATE -> RecordWrite.update(object, recordId, values);
            case UPSERT -> RecordWrite.upsert(object, operation.externalIdField(), values);
            case DELETE -> recordId != null ? RecordWrite.delete(object, recordId)
                    : RecordWrite.deleteByExternalId(object, operation.externalIdField(), externalIdValue);
            case SKIP -> throw new IllegalStateException("a skip writes nothing");
        };
    }

    private static Map<String, @Nullable Object> resolved(Map<String, @Nullable Object> values,
                                                         List<@Nullable String> ids) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        values.forEach((field, value) -> copy.put(field, value instanceof Pending pending ? ids.get(pending.write())
                : value));
        return copy;
    }
}
