package org.openpayloads.engine.model;

/** Where a job is in its life. */
public enum JobStatus {
    /** Stored, waiting for a worker. */
    QUEUED,
    /** Claimed by a worker under a lease. */
    RUNNING,
    COMPLETED,
    /** Some targets failed, and the payload allows partial success. */
    PARTIAL,
    /** Failed in a way no retry can fix. */
    FAILED,
    /** Retries used up; waits in the dead-letter list for a replay or a discard. */
    DEAD,
    /** Received while the payload was inactive; runs when it is activated. */
    HELD,
    /** A dead job someone chose not to replay. */
    DISCARDED;

    /** Whether the job will not run again by itself. */
    public boolean isFinal() {
        return this == COMPLETED || this == PARTIAL || this == FAILED || this == DEAD || this == DISCARDED;
    }
}
