package org.openpayloads.org.data;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one record's write or delete.
 *
 * @param created  for upserts: whether a record was made; null for other operations
 * @param matches  for upserts: the ids of the records the key matched when there were several
 */
public record WriteResult(@Nullable String id, boolean success, List<SfError> errors, @Nullable Boolean created,
                          List<String> matches) {

    public WriteResult {
        errors = List.copyOf(errors);
        matches = List.copyOf(matches);
    }

    public static WriteResult ok(String id, @Nullable Boolean created) {
        return new WriteResult(id, true, List.of(), created, List.of());
    }

    public static WriteResult failed(@Nullable String id, List<SfError> errors, List<String> matches) {
        return new WriteResult(id, false, errors, null, matches);
    }
}
