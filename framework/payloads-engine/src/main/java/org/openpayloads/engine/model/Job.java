package org.openpayloads.engine.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One run of a payload.
 *
 * @param jobNumber a readable number such as IN-000123
 * @param nextAttemptAt when a queued job may run next: its arrival, or the end of a retry's backoff
 * @param responseCode the HTTP status the caller was answered; null for jobs no caller waits on
 * @param replayOf the id of the job this one replays
 * @param dedupeKey the value that makes a redelivery a duplicate of this job; null when it has none
 * @param orderingKey jobs of a payload with the same value run one at a time, in order of arrival
 * @param request the raw request; absent in job lists
 * @param results the last attempt's results, per target and record
 * @param history every attempt, oldest first; absent in job lists
 */
public record Job(long id, String jobNumber, String integration, String payload, Direction direction,
                  JobStatus status, JobSource source, Instant receivedAt, @Nullable Instant startedAt,
                  @Nullable Instant finishedAt, @Nullable Instant nextAttemptAt, int attempts, int recordsProcessed,
                  @Nullable Integer responseCode, @Nullable String error, @Nullable Long replayOf,
                  @Nullable String dedupeKey, @Nullable String orderingKey, @Nullable JobRequest request,
                  List<TargetResult> results, List<JobAttempt> history) {

    public Job {
        results = results == null ? List.of() : List.copyOf(results);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** This job with its request replaced, as when sensitive fields are masked for display. */
    public Job withRequest(@Nullable JobRequest newRequest) {
        return new Job(id, jobNumber, integration, payload, direction, status, source, receivedAt, startedAt,
                finishedAt, nextAttemptAt, attempts, recordsProcessed, responseCode, error, replayOf, dedupeKey,
                orderingKey, newRequest, results, history);
    }
}
