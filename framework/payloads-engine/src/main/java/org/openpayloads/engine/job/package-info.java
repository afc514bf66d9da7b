/**
 * Jobs: one run of a payload each. {@link org.openpayloads.engine.job.JobWorkers} claims queued jobs from the
 * {@link org.openpayloads.engine.port.JobQueue} under leases and runs each with
 * {@link org.openpayloads.engine.job.JobRunner}, which retries what may pass under a
 * {@link org.openpayloads.engine.job.RetryPolicy}. {@link org.openpayloads.engine.job.JobService} is what the
 * admin API reads, replays and discards jobs through.
 */
@NullMarked
package org.openpayloads.engine.job;

import org.jspecify.annotations.NullMarked;
