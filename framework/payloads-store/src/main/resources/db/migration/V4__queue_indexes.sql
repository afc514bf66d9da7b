-- Indexes shaped for the job queue. The placeholders ${whereQueuedOrHeld}, ${whereUnfinished} and
-- ${whereRunning} stand for a WHERE clause on PostgreSQL, which makes the index partial, and for nothing on
-- HSQLDB, which has no partial indexes. A partial index holds only the rows a claim, an ordering check or a
-- lease recovery looks for, so finished jobs neither grow it nor slow the scans that pass over it.

-- Due jobs in the order claims take them, so that a claim reads the head of the index and stops; held jobs
-- for their release when the payload is active again.
DROP INDEX ix_job_due;
CREATE INDEX ix_job_due ON job (status, next_attempt_at, id) ${whereQueuedOrHeld};

-- The earlier unfinished jobs of an ordering key, without walking the key's finished history.
DROP INDEX ix_job_ordering;
CREATE INDEX ix_job_ordering ON job (payload_id, ordering_key, id) ${whereUnfinished};

-- Running jobs by lease: renewals and the recovery of expired leases.
DROP INDEX ix_job_lease;
CREATE INDEX ix_job_lease ON job (status, lease_expires_at) ${whereRunning};
