package org.openpayloads.engine.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NewJob;

/**
 * The durable queue of jobs that workers on one or several processes share. Every method is one short
 * transaction: what it returns has been committed.
 *
 * <p>A worker {@link #claim claims} jobs under a lease, renews the lease while it runs them, and
 * {@link #finish finishes} each one. A process that dies stops renewing; {@link #requeueExpired} puts its
 * jobs back in the queue, so a claimed job is run at least once and never by two workers at once.
 */
public interface JobQueue {

    /**
     * Stores a job. When the payload already has a job with the same dedupe key, stores nothing and
     * returns that job as a duplicate; two concurrent calls with one key store one job.
     *
     * @throws org.openpayloads.api.NotFoundException when the integration or payload does not exist
     */
    Receipt enqueue(NewJob job);

    /**
     * Claims up to {@code max} due QUEUED jobs, oldest first, and marks them RUNNING under a lease held by
     * {@code worker} until now + {@code lease}. A job whose ordering key has an earlier job that is not
     * finished is not claimed.
     */
    List<ClaimedJob> claim(String worker, int max, Duration lease);

    /** Extends the leases of every job {@code worker} runs; returns how many it holds. */
    int renew(String worker, Duration lease);

    /**
     * Records how an attempt ended, with its results, and gives up the lease.
     *
     * @return false when {@code worker} no longer held the lease (it expired and the job went back to the
     *     queue); nothing is recorded then
     */
    boolean finish(String worker, ClaimedJob job, AttemptResult result);

    /** Records the HTTP status a waiting caller was answered. */
    void recordResponse(long jobId, int responseCode);

    /**
     * Puts RUNNING jobs whose lease has expired back in the queue, or makes them DEAD when they have had
     * {@code maxAttempts} attempts, and records the lost attempt.
     *
     * @return how many jobs were put back or made DEAD
     */
    int requeueExpired(int maxAttempts);

    /** Queues the HELD jobs of payloads that are active again, in active integrations; returns how many. */
    int releaseHeld();

    /** The status of a job, if it exists. */
    Optional<JobStatus> status(long jobId);

    /**
     * Marks a DEAD job DISCARDED.
     *
     * @return false when the job is not DEAD
     */
    boolean discard(long jobId);

    /**
     * Deletes finished jobs received before their integration's retention: {@code retentionDays}, or
     * {@code defaultRetentionDays} where an integration sets none.
     *
     * @return the number deleted per integration, for those where any were
     */
    Map<String, Integer> deleteExpired(Instant now, int defaultRetentionDays);

    /**
     * What {@link #enqueue} stored, or found.
     *
     * @param duplicate true when the job was stored earlier, by a request with the same dedupe key
     */
    record Receipt(long jobId, String jobNumber, JobStatus status, boolean duplicate) {
    }
}
