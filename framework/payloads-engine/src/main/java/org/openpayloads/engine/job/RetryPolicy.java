package org.openpayloads.engine.job;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * How often, and after how long, a job that failed in a way that may pass is run again.
 *
 * @param maxAttempts attempts in all, the first included; after the last, the job is DEAD
 * @param initialDelay the wait after the first failure; it doubles after each further one
 * @param maxDelay the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    /** Eight attempts over about 20 minutes. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(10), Duration.ofHours(1));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be 1 or more, was " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("expected 0 <= initialDelay <= maxDelay, was " + initialDelay + " and "
                    + maxDelay);
        }
    }

    /** Whether a job that has had {@code attemptsMade} attempts may have another. */
    public boolean allowsAnother(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /**
     * The wait after failed attempt number {@code attempt}: {@code initialDelay * 2^(attempt-1)}, capped at
     * {@code maxDelay}, of which the second half is random (so that jobs failed together do not come back
     * together), and never less than what the target asked for.
     *
     * @param retryAfter what the target asked for, as in a Retry-After header; null when it did not say
     * @param random a uniform value in [0, 1)
     */
    public Duration delay(int attempt, @Nullable Duration retryAfter, DoubleSupplier random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more, was " + attempt);
        }
        long cap = maxDelay.toMillis();
        long exponential = initialDelay.toMillis() << Math.min(attempt - 1, 30);
        long ceiling = exponential < 0 || exponential > cap ? cap : exponential;
        long wait = ceiling / 2 + (long) (random.getAsDouble() * (ceiling - ceiling / 2));
        Duration delay = Duration.ofMillis(wait);
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }
}
