package org.openpayloads.engine.job;

import java.time.Duration;
import java.util.Objects;

/**
 * How a process runs queued jobs.
 *
 * @param threads jobs run at once
 * @param claimBatch the most jobs one claim takes (at most {@code threads}); while there is a backlog, also how
 *     many claimed jobs may wait for a free thread
 * @param lease how long a claimed job is held without a renewal; renewed every third of it
 * @param pollInterval how often an idle process looks for due jobs that another process queued, or whose
 *     backoff ended (jobs queued by this process wake it at once)
 * @param maintenanceInterval how often expired leases are recovered and released held jobs queued
 * @param retentionInterval how often jobs past their retention are deleted
 * @param retentionDays the retention of integrations that set none
 */
public record WorkerSettings(int threads, int claimBatch, Duration lease, Duration pollInterval,
                             Duration maintenanceInterval, Duration retentionInterval, int retentionDays,
                             RetryPolicy retry) {

    /**
     * 32 threads: a job mostly waits for the org, and jobs that wait together share its batched calls.
     */
    public static final WorkerSettings DEFAULTS = new WorkerSettings(32, 32, Duration.ofSeconds(30),
            Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofHours(1), 30, RetryPolicy.DEFAULT);

    public WorkerSettings {
        Objects.requireNonNull(retry, "retry");
        if (threads < 1 || claimBatch < 1) {
            throw new IllegalArgumentException("threads and claimBatch must be 1 or more, were " + threads + " and "
                    + claimBatch);
        }
        if (lease.toMillis() < 300) {
            throw new IllegalArgumentException("lease must be at least 300 ms, was " + lease);
        }
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays must be 1 or more, was " + retentionDays);
        }
        for (Duration interval : new Duration[] {pollInterval, maintenanceInterval, retentionInterval}) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("intervals must be positive, was " + interval);
            }
        }
    }
}
