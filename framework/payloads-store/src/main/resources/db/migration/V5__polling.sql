-- Expansions and polling. Plain SQL that HSQLDB and PostgreSQL both accept, with the shared placeholders.

-- A payload's expansions (a JSON array of {path, credential, resource}), and how a POLLING payload polls.
ALTER TABLE payload ADD COLUMN expansions ${text};
ALTER TABLE payload ADD COLUMN poll_trigger VARCHAR(80);
ALTER TABLE payload ADD COLUMN poll_interval_seconds INTEGER;
ALTER TABLE payload ADD COLUMN poll_backfill_from ${timestamp};
ALTER TABLE payload ADD COLUMN poll_options ${text};
ALTER TABLE payload_aud ADD COLUMN expansions ${text};
ALTER TABLE payload_aud ADD COLUMN poll_trigger VARCHAR(80);
ALTER TABLE payload_aud ADD COLUMN poll_interval_seconds INTEGER;
ALTER TABLE payload_aud ADD COLUMN poll_backfill_from ${timestamp};
ALTER TABLE payload_aud ADD COLUMN poll_options ${text};

-- Which process polls an integration, until when. A row per integration that ever polled.
CREATE TABLE poll_lease (
    integration_id BIGINT NOT NULL,
    owner VARCHAR(255) NOT NULL,
    expires_at ${timestamp} NOT NULL,
    CONSTRAINT pk_poll_lease PRIMARY KEY (integration_id),
    CONSTRAINT fk_poll_lease_integration FOREIGN KEY (integration_id) REFERENCES integration (id) ON DELETE CASCADE
);

-- How far a POLLING payload has read: its watermark (position and last id), the backfill date it started
-- from, and the outcome of its last poll. Kept across restarts, deactivations and edits.
CREATE TABLE poll_state (
    payload_id BIGINT NOT NULL,
    watermark_position BIGINT,
    watermark_last_id VARCHAR(255),
    backfill_from ${timestamp},
    last_polled_at ${timestamp},
    caught_up BOOLEAN NOT NULL,
    last_error VARCHAR(4000),
    items_taken BIGINT NOT NULL,
    CONSTRAINT pk_poll_state PRIMARY KEY (payload_id),
    CONSTRAINT fk_poll_state_payload FOREIGN KEY (payload_id) REFERENCES payload (id) ON DELETE CASCADE
);
