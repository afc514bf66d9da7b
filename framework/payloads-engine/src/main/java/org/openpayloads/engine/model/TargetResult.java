package org.openpayloads.engine.model;

import org.jspecify.annotations.Nullable;

/**
 * What one target did with one record.
 *
 * @param index the item's position for a repeated target, 0 otherwise
 * @param operation what was done, for example UPSERT, or SKIPPED
 * @param created true when a record was inserted, false when updated, null when nothing was written
 */
public record TargetResult(String target, int index, @Nullable String object, @Nullable String operation,
                           @Nullable String recordId, @Nullable Boolean created, boolean success,
                           @Nullable String errorCode, @Nullable String message) {
}
