package org.openpayloads.engine.port;

import java.time.Instant;
import org.openpayloads.engine.model.JobRequest;

/**
 * A job a worker holds under a lease, with what it needs to run it.
 *
 * @param attempt this attempt's number: 1 for the first
 * @param claimedAt when the lease was taken; the attempt's start
 */
public record ClaimedJob(long id, String jobNumber, String integration, String payload, int attempt,
                         Instant receivedAt, Instant claimedAt, JobRequest request) {
}
