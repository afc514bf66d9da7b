package org.openpayloads.engine.model;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One attempt at a job.
 *
 * @param number 1 for the first attempt
 * @param worker the process and thread that ran it
 * @param error why it did not complete; null when it did
 */
public record JobAttempt(int number, @Nullable String worker, Instant startedAt, Instant finishedAt,
                         AttemptEnd end, @Nullable String error) {

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
