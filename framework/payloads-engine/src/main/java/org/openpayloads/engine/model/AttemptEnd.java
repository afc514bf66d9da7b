package org.openpayloads.engine.model;

/** How one attempt at a job ended. */
public enum AttemptEnd {
    COMPLETED,
    /** Some records failed; the payload allows partial success. */
    PARTIAL,
    /** A failure no retry can fix: the job is FAILED. */
    FAILED,
    /** A failure that may pass: the job is queued again, after a backoff. */
    RETRY,
    /** A retryable failure on the last attempt allowed: the job is DEAD. */
    DEAD,
    /** The payload or its integration was inactive when the job came to run: the job is HELD. */
    HELD,
    /** The process running it stopped renewing its lease (it died or hung): the job went back to the queue. */
    LEASE_EXPIRED;

    /** The status the job takes after an attempt that ended this way. */
    public JobStatus jobStatus() {
        return switch (this) {
            case COMPLETED -> JobStatus.COMPLETED;
            case PARTIAL -> JobStatus.PARTIAL;
            case FAILED -> JobStatus.FAILED;
            case RETRY, LEASE_EXPIRED -> JobStatus.QUEUED;
            case DEAD -> JobStatus.DEAD;
            case HELD -> JobStatus.HELD;
        };
    }
}
