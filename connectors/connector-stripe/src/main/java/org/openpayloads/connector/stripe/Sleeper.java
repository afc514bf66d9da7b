package org.openpayloads.connector.stripe;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits before a retry. Tests put in one that records the wait and returns at once, so that a
 * Retry-After of seconds is checked in microseconds.
 */
@FunctionalInterface
interface Sleeper {

    /** Blocks the calling thread: a {@link StripeClient} call is synchronous anyway. */
    Sleeper REAL = delay -> TimeUnit.NANOSECONDS.sleep(delay.toNanos());

    void sleep(Duration delay) throws InterruptedException;
}
