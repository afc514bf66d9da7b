package org.openpayloads.engine.poll;

import java.time.Duration;

/**
 * How a process runs the POLLING payloads.
 *
 * @param tick how often it looks for payloads whose interval has passed, and renews its leases
 * @param lease how long an integration's polling lease lasts without renewal: how long another process waits
 *     before it takes over from one that died
 * @param maxItemsPerPoll the most items one call of a trigger returns
 * @param maxPollsPerRun the most calls one payload makes in a row while items are waiting, before the others
 *     have their turn
 */
public record PollSettings(Duration tick, Duration lease, int maxItemsPerPoll, int maxPollsPerRun) {

    public static final PollSettings DEFAULTS = new PollSettings(Duration.ofSeconds(1), Duration.ofSeconds(30), 100,
            20);

    public PollSettings {
        if (tick.toMillis() < 10) {
            throw new IllegalArgumentException("tick was " + tick + "; expected 10 ms or more");
        }
        if (lease.compareTo(tick.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("lease was " + lease + "; expected at least three ticks (" + tick
                    + " each), so that a renewal is never late");
        }
        if (maxItemsPerPoll < 1 || maxPollsPerRun < 1) {
            throw new IllegalArgumentException("maxItemsPerPoll and maxPollsPerRun were " + maxItemsPerPoll + " and "
                    + maxPollsPerRun + "; expected 1 or more");
        }
    }
}
