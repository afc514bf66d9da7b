package org.openpayloads.engine.model;

import org.jspecify.annotations.Nullable;

/**
 * A job to store, as received. Its id and number are given when it is stored.
 *
 * @param responseCode the HTTP status the caller is answered, when it is known at once (202 for a job taken
 *     asynchronously); a caller that waits for the result has it recorded later
 */
public record NewJob(String integration, String payload, Direction direction, JobStatus status, JobSource source,
                     JobRequest request, @Nullable String dedupeKey, @Nullable String orderingKey,
                     @Nullable Long replayOf, @Nullable Integer responseCode) {
}
