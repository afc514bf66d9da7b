package org.openpayloads.connector.salesforce;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;
import org.openpayloads.api.records.WriteKind;

/**
 * A write waiting for its result.
 *
 * @param body the write's fields as JSON-ready values, converted when the write was submitted so that a
 *     bad value fails its own caller rather than the batch it would have joined
 */
record Pending(RecordWrite write, Map<String, @Nullable Object> body, CompletableFuture<RecordResult> result) {

    static Pending of(RecordWrite write) {
        return new Pending(write, Json.fields(write.object(), write.fields()), new CompletableFuture<>());
    }

    /**
     * Which record this write touches, when that is known before sending: two writes to one record never
     * share a Collections request, where Salesforce would refuse the second as a duplicate. External ids
     * compare without case, as Salesforce matches them.
     */
    @Nullable String identity() {
        if (write.kind() == WriteKind.UPSERT || write.id() == null) {
            Object value = write.externalIdValue();
            return value == null ? null : value.toString().toLowerCase(Locale.ROOT);
        }
        return write.id();
    }
}
