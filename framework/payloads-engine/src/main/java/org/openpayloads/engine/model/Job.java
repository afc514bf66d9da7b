package org.openpayloads.engine.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One run of a payload.
 *
 * @param jobNumber a readable number such as IN-000123
 * @param request the raw request; absent in job lists
 * @param replayOf the id of the job this one replays
 */
public record Job(long id, String jobNumber, String integration, String payload, Direction direction,
                  JobStatus status, JobSource source, Instant receivedAt, @Nullable Instant startedAt,
                  @Nullable Instant finishedAt, int attempts, int recordsProcessed, @Nullable Integer responseCode,
                  @Nullable String error, @Nullable Long replayOf, @Nullable JobRequest request,
                  List<TargetResult> results) {

    public Job {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
