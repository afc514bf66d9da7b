package org.openpayloads.engine.model;

import org.jspecify.annotations.Nullable;

/** A job to store, as received. Its id and number are given when it is stored. */
public record NewJob(String integration, String payload, Direction direction, JobStatus status, JobSource source,
                     JobRequest request, @Nullable String dedupeKey, @Nullable String orderingKey,
                     @Nullable Long replayOf) {
}
