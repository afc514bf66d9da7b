package org.openpayloads.connector.stripe;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with jitter; the peer's Retry-After is {@code HttpResult.retryAfter}. Stripe's own
 * libraries start at 0.5 s and cap at a few seconds; so does this.
 */
final class Backoff {

    static final Duration BASE = Duration.ofMillis(500);

    /** No computed wait grows past this, however many attempts. */
    static final Duration MAX_DELAY = Duration.ofSeconds(8);

    /**
     * The longest Retry-After a call waits out itself. A longer one fails the call at once with a
     * retriable exception that carries the wait, so that the job pipeline reschedules it instead of a
     * worker thread sleeping for minutes.
     */
    static final Duration MAX_HONOURED_RETRY_AFTER = Duration.ofSeconds(60);

    private final Duration base;
    private final LongUnaryOperator random;

    /**
     * @param random given a bound n, a number from 0 to n inclusive; tests pass a fixed one
     */
    Backoff(Duration base, LongUnaryOperator random) {
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("backoff base was " + base + "; expected a positive duration");
        }
        this.base = base;
        this.random = random;
    }

    static Backoff standard() {
        return new Backoff(BASE, bound -> ThreadLocalRandom.current().nextLong(bound + 1));
    }

    /**
     * The wait after failed attempt number {@code attempt} (1 for the first): base × 2^(attempt − 1),
     * capped, of which a random part up to half is taken off ("equal jitter"), so that clients that failed
     * together do not retry together.
     */
    Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt was " + attempt + "; expected 1 or more");
        }
        long ceiling = base.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.max(1, Math.min(ceiling, MAX_DELAY.toMillis()));
        long half = capped / 2;
        return Duration.ofMillis(capped - half + random.applyAsLong(half));
    }
}
