-- The inbound pipeline. Plain SQL that HSQLDB and PostgreSQL both accept, with the shared placeholders.

-- Jobs, their results and attempts are inserted by the queue's own SQL, one id at a time. A pooled
-- sequence's last value is the top of the block Hibernate took, so the next value is past every id used.
ALTER SEQUENCE job_seq INCREMENT BY 1;
ALTER SEQUENCE job_result_seq INCREMENT BY 1;
CREATE SEQUENCE job_attempt_seq AS BIGINT START WITH 1 INCREMENT BY 1;

-- A dedupe key is unique per payload, so two concurrent deliveries of one event store one job. Jobs
-- without a key (replays among them) carry NULL, which unique indexes let repeat on both databases.
DROP INDEX ix_job_dedupe;
CREATE UNIQUE INDEX uq_job_dedupe ON job (payload_id, dedupe_key);

-- Finding expired leases; and the earlier unfinished jobs of an ordering key.
CREATE INDEX ix_job_lease ON job (status, lease_expires_at);
DROP INDEX ix_job_ordering;
CREATE INDEX ix_job_ordering ON job (payload_id, ordering_key, id);

-- Every attempt at a job: who ran it, when, for how long, and how it ended.
CREATE TABLE job_attempt (
    id BIGINT NOT NULL,
    job_id BIGINT NOT NULL,
    attempt INTEGER NOT NULL,
    worker VARCHAR(200),
    started_at ${timestamp} NOT NULL,
    finished_at ${timestamp} NOT NULL,
    outcome VARCHAR(20) NOT NULL,
    error VARCHAR(4000),
    CONSTRAINT pk_job_attempt PRIMARY KEY (id),
    CONSTRAINT fk_job_attempt_job FOREIGN KEY (job_id) REFERENCES job (id) ON DELETE CASCADE
);
CREATE INDEX ix_job_attempt_job ON job_attempt (job_id, attempt);

-- How many days an integration keeps its finished jobs; NULL for the server's default.
ALTER TABLE integration ADD COLUMN retention_days INTEGER;
ALTER TABLE integration_aud ADD COLUMN retention_days INTEGER;
