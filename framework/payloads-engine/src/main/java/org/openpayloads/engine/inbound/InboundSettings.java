package org.openpayloads.engine.inbound;

import java.time.Duration;

/**
 * How the inbound endpoint behaves.
 *
 * @param maxBodyBytes the largest body taken; larger ones get 413
 * @param syncTimeout how long a caller in sync mode waits for the job's first attempt before it is answered
 *     202 with the job still queued or running
 * @param inactiveRetryAfter the Retry-After of a 503 from a payload that rejects while inactive
 */
public record InboundSettings(long maxBodyBytes, Duration syncTimeout, Duration inactiveRetryAfter) {

    /** 5 MB bodies, 30 s sync waits, callers of an inactive payload asked to come back in 60 s. */
    public static final InboundSettings DEFAULTS = new InboundSettings(5L * 1024 * 1024, Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    public InboundSettings {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be 1 or more, was " + maxBodyBytes);
        }
        if (syncTimeout.isNegative() || inactiveRetryAfter.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative, were " + syncTimeout + " and "
                    + inactiveRetryAfter);
        }
    }
}
