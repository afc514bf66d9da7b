package org.openpayloads.connector.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.openpayloads.api.connector.HttpResult;

/** Exponential backoff with jitter, and the peer's Retry-After. */
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

    /** The answer's Retry-After, in seconds or as an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(HttpResult result, Clock clock) {
        return result.header("Retry-After").map(String::trim).flatMap(value -> {
            if (value.matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }
}
