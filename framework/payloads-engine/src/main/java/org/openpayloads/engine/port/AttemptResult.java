package org.openpayloads.engine.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.model.AttemptEnd;
import org.openpayloads.engine.model.TargetResult;

/**
 * How an attempt at a job ended.
 *
 * @param nextAttemptAt when the job may run again; only for {@link AttemptEnd#RETRY}
 * @param error why the attempt did not complete; null when it did
 * @param results per target and record; empty when the mapping did not run
 */
public record AttemptResult(AttemptEnd end, @Nullable Instant nextAttemptAt, int recordsProcessed,
                            @Nullable String error, List<TargetResult> results, Instant finishedAt) {

    public AttemptResult {
        Objects.requireNonNull(end, "end");
        if ((end == AttemptEnd.RETRY) != (nextAttemptAt != null)) {
            throw new IllegalArgumentException("nextAttemptAt is for RETRY only, and RETRY needs one; end was " + end);
        }
        results = List.copyOf(results);
    }
}
