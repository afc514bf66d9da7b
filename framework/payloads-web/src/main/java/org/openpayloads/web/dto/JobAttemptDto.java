package org.openpayloads.web.dto;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One attempt at a job. {@code outcome} is how it ended: COMPLETED, PARTIAL, FAILED, RETRY, DEAD, HELD or
 * LEASE_EXPIRED (its process stopped before it finished).
 */
public record JobAttemptDto(int number, @Nullable String worker, Instant startedAt, Instant finishedAt,
                            long durationMillis, String outcome, @Nullable String error) {
}
