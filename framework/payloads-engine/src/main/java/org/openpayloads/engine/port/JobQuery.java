package org.openpayloads.engine.port;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.model.JobStatus;

/**
 * A filter over jobs, newest first. Every criterion is optional.
 *
 * @param from received at or after
 * @param to received before
 * @param page zero-based
 */
public record JobQuery(@Nullable String integration, @Nullable String payload, Set<JobStatus> statuses,
                       @Nullable Instant from, @Nullable Instant to, int page, int size) {

    public static final int MAX_SIZE = 500;

    public JobQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be from 1 to " + MAX_SIZE + ", was " + size);
        }
    }
}
