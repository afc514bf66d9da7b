package org.openpayloads.api.records;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What became of one {@link RecordWrite}.
 *
 * @param id the record's id; null when the write failed, or the target did not say (an upsert that
 *     updated on an old API version)
 * @param success whether the target accepted the write
 * @param created for an insert or upsert, whether a record was created; null for updates, deletes and
 *     failures
 * @param errors why the target refused it: empty exactly when {@code success}
 */
public record RecordResult(@Nullable String id, boolean success, @Nullable Boolean created, List<RecordError> errors) {

    public RecordResult {
        errors = List.copyOf(errors);
        if (success != errors.isEmpty()) {
            throw new IllegalArgumentException(success
                    ? "a successful result cannot carry errors, but had " + errors
                    : "a failed result needs at least one error");
        }
    }

    public static RecordResult ok(@Nullable String id, @Nullable Boolean created) {
        return new RecordResult(id, true, created, List.of());
    }

    public static RecordResult failed(List<RecordError> errors) {
        return new RecordResult(null, false, null, errors);
    }

    public static RecordResult failed(RecordError error) {
        return failed(List.of(error));
    }
}
