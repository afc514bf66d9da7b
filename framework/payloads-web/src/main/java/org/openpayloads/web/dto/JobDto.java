package org.openpayloads.web.dto;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One run of a payload. {@code source} is the enum name and {@code sourceLabel} its readable form;
 * {@code request} and {@code history} (every attempt) are only in the detail of one job, never in lists.
 */
public record JobDto(long id, String jobNumber, String integration, String payload, String direction,
                     String status, String source, String sourceLabel, Instant receivedAt,
                     @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Instant nextAttemptAt,
                     int attempts, int recordsProcessed, @Nullable Integer responseCode, @Nullable String error,
                     @Nullable Long replayOf, @Nullable String dedupeKey, @Nullable String orderingKey,
                     List<TargetResultDto> results, @Nullable List<JobAttemptDto> history,
                     @Nullable JobRequestDto request) {
}
