package org.openpayloads.connector.salesforce;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter; the peer's Retry-After is {@link org.openpayloads.api.connector.HttpResult#retryAfter}. */
final class Backoff {

    /** No single wait grows past this, however many attempts. */
    static final Duration MAX_DELAY = Duration.ofSeconds(30);

    /**
     * The longest Retry-After the client waits out itself. Longer ones fail the write at once with a
     * RetriableException carrying the wait, so that a worker thread is not parked for minutes: the job
     * pipeline reschedules the job instead.
     */
    static final Duration MAX_HONOURED_RETRY_AFTER = Duration.ofSeconds(60);

    private final Duration base;

    Backoff(Duration base) {
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("backoff base was " + base + "; expected a positive duration");
        }
        this.base = base;
    }

    /**
     * The wait before retry number {@code attempt + 1}: base × 2^attempt, capped, of which a random half
     * is taken off ("equal jitter") so that clients that failed together do not retry together.
     */
    Duration delay(int attempt) {
        long ceiling = base.toMillis() << Math.min(attempt, 20);
        long capped = Math.max(1, Math.min(ceiling, MAX_DELAY.toMillis()));
        long half = capped / 2;
        return Duration.ofMillis(capped - half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
