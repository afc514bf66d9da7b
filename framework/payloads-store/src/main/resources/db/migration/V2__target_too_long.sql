-- A target's rule for a text longer than its field allows: TRUNCATE cuts it, FAIL fails the record.
-- Targets stored before this version keep failing, as they did. Plain SQL that HSQLDB and PostgreSQL
-- both accept, so no placeholders are needed.

ALTER TABLE target ADD COLUMN on_too_long VARCHAR(16) DEFAULT 'FAIL' NOT NULL;

-- Audit rows outlive what they describe; those written before this version have no value.
ALTER TABLE target_aud ADD COLUMN on_too_long VARCHAR(16);
