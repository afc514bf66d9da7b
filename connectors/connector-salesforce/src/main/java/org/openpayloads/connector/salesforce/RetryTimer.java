package org.openpayloads.connector.salesforce;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Waits before a retry without holding a thread. Tests put in one that records the wait and goes on at
 * once, so that a Retry-After of minutes is checked in milliseconds.
 */
interface RetryTimer {

    /** Completes after {@code delay}. */
    CompletableFuture<Void> delay(Duration delay);

    /** The real timer, on the client's scheduler thread. */
    static RetryTimer on(ScheduledExecutorService scheduler) {
        return delay -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            scheduler.schedule(() -> done.complete(null), delay.toNanos(), TimeUnit.NANOSECONDS);
            return done;
        };
    }
}
