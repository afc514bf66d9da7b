-- The OpenPayloads schema, the same file for HSQLDB and PostgreSQL. Where their types differ, Flyway
-- placeholders stand in: ${bytes} (binary), ${text} (long text) and ${timestamp} (an instant).
-- Hibernate validates its entities against these tables at startup and never changes them.
-- Ids come from sequences (pooled, 50 at a time) so that inserts can be batched.

CREATE SEQUENCE integration_seq AS BIGINT START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE payload_seq AS BIGINT START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE element_seq AS BIGINT START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE target_seq AS BIGINT START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE source_seq AS BIGINT START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE field_mapping_seq AS BIGINT START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE credential_seq AS BIGINT START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE job_seq AS BIGINT START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE job_result_seq AS BIGINT START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE admin_token_seq AS BIGINT START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE revision_seq AS BIGINT START WITH 1 INCREMENT BY 50;
-- Job numbers, one gap-tolerant counter per direction: IN-000001, OUT-000001.
CREATE SEQUENCE job_number_in_seq AS BIGINT START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE job_number_out_seq AS BIGINT START WITH 1 INCREMENT BY 1;

-- Configuration ------------------------------------------------------------------------------------

CREATE TABLE integration (
    id BIGINT NOT NULL,
    api_name VARCHAR(80) NOT NULL,
    label VARCHAR(255) NOT NULL,
    description VARCHAR(4000),
    active BOOLEAN NOT NULL,
    created_at ${timestamp} NOT NULL,
    created_by VARCHAR(255),
    modified_at ${timestamp} NOT NULL,
    modified_by VARCHAR(255),
    version BIGINT NOT NULL,
    CONSTRAINT pk_integration PRIMARY KEY (id),
    CONSTRAINT uq_integration_api_name UNIQUE (api_name)
);

CREATE TABLE payload (
    id BIGINT NOT NULL,
    integration_id BIGINT NOT NULL,
    api_name VARCHAR(80) NOT NULL,
    label VARCHAR(255) NOT NULL,
    description VARCHAR(4000),
    direction VARCHAR(20) NOT NULL,
    kind VARCHAR(40) NOT NULL,
    content_type VARCHAR(40) NOT NULL,
    allow_partial_success BOOLEAN NOT NULL,
    active BOOLEAN NOT NULL,
    auth_type VARCHAR(40) NOT NULL,
    auth_credential VARCHAR(80),
    auth_header_name VARCHAR(255),
    auth_signed_content VARCHAR(1000),
    auth_signature_encoding VARCHAR(20),
    auth_tolerance_seconds INTEGER,
    dedupe_key VARCHAR(1000),
    ordering_key VARCHAR(1000),
    sync_response BOOLEAN NOT NULL,
    when_inactive VARCHAR(20) NOT NULL,
    redact_paths ${text} NOT NULL,
    endpoint_url VARCHAR(4000),
    http_method VARCHAR(10),
    credential VARCHAR(80),
    created_at ${timestamp} NOT NULL,
    created_by VARCHAR(255),
    modified_at ${timestamp} NOT NULL,
    modified_by VARCHAR(255),
    version BIGINT NOT NULL,
    CONSTRAINT pk_payload PRIMARY KEY (id),
    CONSTRAINT fk_payload_integration FOREIGN KEY (integration_id) REFERENCES integration (id) ON DELETE CASCADE,
    CONSTRAINT uq_payload_api_name UNIQUE (integration_id, api_name)
);

-- position: the node's place in a depth-first walk of its payload's tree.
CREATE TABLE element (
    id BIGINT NOT NULL,
    payload_id BIGINT NOT NULL,
    parent_id BIGINT,
    position INTEGER NOT NULL,
    name VARCHAR(255) NOT NULL,
    path VARCHAR(1000) NOT NULL,
    data_type VARCHAR(20) NOT NULL,
    required BOOLEAN NOT NULL,
    repeated BOOLEAN NOT NULL,
    CONSTRAINT pk_element PRIMARY KEY (id),
    CONSTRAINT fk_element_payload FOREIGN KEY (payload_id) REFERENCES payload (id) ON DELETE CASCADE,
    CONSTRAINT fk_element_parent FOREIGN KEY (parent_id) REFERENCES element (id) ON DELETE CASCADE
);
CREATE INDEX ix_element_payload ON element (payload_id, position);
CREATE INDEX ix_element_parent ON element (parent_id);

CREATE TABLE target (
    id BIGINT NOT NULL,
    payload_id BIGINT NOT NULL,
    position INTEGER NOT NULL,
    api_name VARCHAR(80) NOT NULL,
    label VARCHAR(255) NOT NULL,
    run_order INTEGER NOT NULL,
    object_name VARCHAR(80) NOT NULL,
    operation VARCHAR(40) NOT NULL,
    external_id_field VARCHAR(80),
    match_fields VARCHAR(4000) NOT NULL,
    when_present VARCHAR(20) NOT NULL,
    condition_expr VARCHAR(4000),
    repeat_path VARCHAR(1000),
    CONSTRAINT pk_target PRIMARY KEY (id),
    CONSTRAINT fk_target_payload FOREIGN KEY (payload_id) REFERENCES payload (id) ON DELETE CASCADE,
    CONSTRAINT uq_target_api_name UNIQUE (payload_id, api_name)
);

CREATE TABLE source (
    id BIGINT NOT NULL,
    payload_id BIGINT NOT NULL,
    position INTEGER NOT NULL,
    api_name VARCHAR(80) NOT NULL,
    label VARCHAR(255) NOT NULL,
    run_order INTEGER NOT NULL,
    object_name VARCHAR(80),
    filter VARCHAR(4000),
    query VARCHAR(4000),
    CONSTRAINT pk_source PRIMARY KEY (id),
    CONSTRAINT fk_source_payload FOREIGN KEY (payload_id) REFERENCES payload (id) ON DELETE CASCADE,
    CONSTRAINT uq_source_api_name UNIQUE (payload_id, api_name)
);

-- One table for the mappings of targets and of sources; exactly one owner is set.
CREATE TABLE field_mapping (
    id BIGINT NOT NULL,
    target_id BIGINT,
    source_id BIGINT,
    position INTEGER NOT NULL,
    field VARCHAR(1000) NOT NULL,
    source_type VARCHAR(20) NOT NULL,
    source_value ${text},
    source_reference VARCHAR(255),
    lookup_match_field VARCHAR(80),
    lookup_return_field VARCHAR(80),
    null_rule VARCHAR(20) NOT NULL,
    value_map ${text} NOT NULL,
    default_value ${text},
    CONSTRAINT pk_field_mapping PRIMARY KEY (id),
    CONSTRAINT fk_field_mapping_target FOREIGN KEY (target_id) REFERENCES target (id) ON DELETE CASCADE,
    CONSTRAINT fk_field_mapping_source FOREIGN KEY (source_id) REFERENCES source (id) ON DELETE CASCADE,
    CONSTRAINT ck_field_mapping_owner CHECK ((target_id IS NOT NULL AND source_id IS NULL)
        OR (target_id IS NULL AND source_id IS NOT NULL))
);
CREATE INDEX ix_field_mapping_target ON field_mapping (target_id, position);
CREATE INDEX ix_field_mapping_source ON field_mapping (source_id, position);

CREATE TABLE credential (
    id BIGINT NOT NULL,
    integration_id BIGINT NOT NULL,
    api_name VARCHAR(80) NOT NULL,
    label VARCHAR(255) NOT NULL,
    type VARCHAR(40) NOT NULL,
    created_at ${timestamp} NOT NULL,
    created_by VARCHAR(255),
    modified_at ${timestamp} NOT NULL,
    modified_by VARCHAR(255),
    version BIGINT NOT NULL,
    CONSTRAINT pk_credential PRIMARY KEY (id),
    CONSTRAINT fk_credential_integration FOREIGN KEY (integration_id) REFERENCES integration (id) ON DELETE CASCADE,
    CONSTRAINT uq_credential_api_name UNIQUE (integration_id, api_name)
);

CREATE TABLE credential_attribute (
    credential_id BIGINT NOT NULL,
    name VARCHAR(80) NOT NULL,
    attr_value VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_credential_attribute PRIMARY KEY (credential_id, name),
    CONSTRAINT fk_credential_attribute FOREIGN KEY (credential_id) REFERENCES credential (id) ON DELETE CASCADE
);

-- Ciphertext only, as v1:<keyId>:<base64(iv || ciphertext)>; never audited.
CREATE TABLE credential_secret (
    credential_id BIGINT NOT NULL,
    name VARCHAR(80) NOT NULL,
    ciphertext ${text} NOT NULL,
    CONSTRAINT pk_credential_secret PRIMARY KEY (credential_id, name),
    CONSTRAINT fk_credential_secret FOREIGN KEY (credential_id) REFERENCES credential (id) ON DELETE CASCADE
);

-- The store's own values, such as the master key check.
CREATE TABLE store_setting (
    name VARCHAR(100) NOT NULL,
    setting_value VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_store_setting PRIMARY KEY (name)
);

-- Jobs ---------------------------------------------------------------------------------------------

CREATE TABLE job (
    id BIGINT NOT NULL,
    job_number VARCHAR(30) NOT NULL,
    integration_id BIGINT NOT NULL,
    payload_id BIGINT NOT NULL,
    direction VARCHAR(20) NOT NULL,
    status VARCHAR(20) NOT NULL,
    source VARCHAR(20) NOT NULL,
    received_at ${timestamp} NOT NULL,
    started_at ${timestamp},
    finished_at ${timestamp},
    next_attempt_at ${timestamp},
    attempts INTEGER NOT NULL,
    records_processed INTEGER NOT NULL,
    response_code INTEGER,
    error VARCHAR(4000),
    replay_of BIGINT,
    dedupe_key VARCHAR(500),
    ordering_key VARCHAR(500),
    lease_owner VARCHAR(200),
    lease_expires_at ${timestamp},
    request_content_type VARCHAR(255),
    request_headers ${text} NOT NULL,
    request_body ${bytes} NOT NULL,
    CONSTRAINT pk_job PRIMARY KEY (id),
    CONSTRAINT uq_job_number UNIQUE (job_number),
    CONSTRAINT fk_job_integration FOREIGN KEY (integration_id) REFERENCES integration (id) ON DELETE CASCADE,
    CONSTRAINT fk_job_payload FOREIGN KEY (payload_id) REFERENCES payload (id) ON DELETE CASCADE
);
-- Workers claim due jobs; dedupe and ordering look up by key; lists go newest first.
CREATE INDEX ix_job_due ON job (status, next_attempt_at);
CREATE INDEX ix_job_dedupe ON job (payload_id, dedupe_key);
CREATE INDEX ix_job_ordering ON job (ordering_key);
CREATE INDEX ix_job_received ON job (received_at);
CREATE INDEX ix_job_integration ON job (integration_id, received_at);

CREATE TABLE job_result (
    id BIGINT NOT NULL,
    job_id BIGINT NOT NULL,
    position INTEGER NOT NULL,
    target VARCHAR(80) NOT NULL,
    item_index INTEGER NOT NULL,
    object_name VARCHAR(80),
    operation VARCHAR(40),
    record_id VARCHAR(255),
    created BOOLEAN,
    success BOOLEAN NOT NULL,
    error_code VARCHAR(255),
    message VARCHAR(4000),
    CONSTRAINT pk_job_result PRIMARY KEY (id),
    CONSTRAINT fk_job_result_job FOREIGN KEY (job_id) REFERENCES job (id) ON DELETE CASCADE
);
CREATE INDEX ix_job_result_job ON job_result (job_id, position);

-- Admin tokens -------------------------------------------------------------------------------------

CREATE TABLE admin_token (
    id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    prefix VARCHAR(20) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    created_at ${timestamp} NOT NULL,
    created_by VARCHAR(255),
    last_used_at ${timestamp},
    revoked_at ${timestamp},
    CONSTRAINT pk_admin_token PRIMARY KEY (id),
    CONSTRAINT uq_admin_token_hash UNIQUE (token_hash)
);

-- Audit (Envers) -----------------------------------------------------------------------------------
-- One revision per write transaction, with its actor. Each _aud table holds a row per changed entity
-- and revision; revtype is 0 add, 1 change, 2 delete. Audit rows outlive what they describe, so they
-- have no foreign key to the audited tables.

CREATE TABLE revision (
    id BIGINT NOT NULL,
    rev_timestamp BIGINT NOT NULL,
    actor VARCHAR(255) NOT NULL,
    CONSTRAINT pk_revision PRIMARY KEY (id)
);

CREATE TABLE integration_aud (
    id BIGINT NOT NULL,
    rev BIGINT NOT NULL,
    revtype SMALLINT,
    modified_at ${timestamp},
    api_name VARCHAR(80),
    label VARCHAR(255),
    description VARCHAR(4000),
    active BOOLEAN,
    CONSTRAINT pk_integration_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_integration_aud_rev FOREIGN KEY (rev) REFERENCES revision (id)
);

CREATE TABLE payload_aud (
    id BIGINT NOT NULL,
    rev BIGINT NOT NULL,
    revtype SMALLINT,
    modified_at ${timestamp},
    integration_id BIGINT,
    api_name VARCHAR(80),
    label VARCHAR(255),
    description VARCHAR(4000),
    direction VARCHAR(20),
    kind VARCHAR(40),
    content_type VARCHAR(40),
    allow_partial_success BOOLEAN,
    active BOOLEAN,
    auth_type VARCHAR(40),
    auth_credential VARCHAR(80),
    auth_header_name VARCHAR(255),
    auth_signed_content VARCHAR(1000),
    auth_signature_encoding VARCHAR(20),
    auth_tolerance_seconds INTEGER,
    dedupe_key VARCHAR(1000),
    ordering_key VARCHAR(1000),
    sync_response BOOLEAN,
    when_inactive VARCHAR(20),
    redact_paths ${text},
    endpoint_url VARCHAR(4000),
    http_method VARCHAR(10),
    credential VARCHAR(80),
    CONSTRAINT pk_payload_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_payload_aud_rev FOREIGN KEY (rev) REFERENCES revision (id)
);

CREATE TABLE element_aud (
    id BIGINT NOT NULL,
    rev BIGINT NOT NULL,
    revtype SMALLINT,
    payload_id BIGINT,
    parent_id BIGINT,
    position INTEGER,
    name VARCHAR(255),
    path VARCHAR(1000),
    data_type VARCHAR(20),
    required BOOLEAN,
    repeated BOOLEAN,
    CONSTRAINT pk_element_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_element_aud_rev FOREIGN KEY (rev) REFERENCES revision (id)
);

CREATE TABLE target_aud (
    id BIGINT NOT NULL,
    rev BIGINT NOT NULL,
    revtype SMALLINT,
    payload_id BIGINT,
    position INTEGER,
    api_name VARCHAR(80),
    label VARCHAR(255),
    run_order INTEGER,
    object_name VARCHAR(80),
    operation VARCHAR(40),
    external_id_field VARCHAR(80),
    match_fields VARCHAR(4000),
    when_present VARCHAR(20),
    condition_expr VARCHAR(4000),
    repeat_path VARCHAR(1000),
    CONSTRAINT pk_target_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_target_aud_rev FOREIGN KEY (rev) REFERENCES revision (id)
);

CREATE TABLE source_aud (
    id BIGINT NOT NULL,
    rev BIGINT NOT NULL,
    revtype SMALLINT,
    payload_id BIGINT,
    position INTEGER,
    api_name VARCHAR(80),
    label VARCHAR(255),
    run_order INTEGER,
    object_name VARCHAR(80),
    filter VARCHAR(4000),
    query VARCHAR(4000),
    CONSTRAINT pk_source_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_source_aud_rev FOREIGN KEY (rev) REFERENCES revision (id)
);

CREATE TABLE field_mapping_aud (
    id BIGINT NOT NULL,
    rev BIGINT NOT NULL,
    revtype SMALLINT,
    target_id BIGINT,
    source_id BIGINT,
    position INTEGER,
    field VARCHAR(1000),
    source_type VARCHAR(20),
    source_value ${text},
    source_reference VARCHAR(255),
    lookup_match_field VARCHAR(80),
    lookup_return_field VARCHAR(80),
    null_rule VARCHAR(20),
    value_map ${text},
    default_value ${text},
    CONSTRAINT pk_field_mapping_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_field_mapping_aud_rev FOREIGN KEY (rev) REFERENCES revision (id)
);

CREATE TABLE credential_aud (
    id BIGINT NOT NULL,
    rev BIGINT NOT NULL,
    revtype SMALLINT,
    modified_at ${timestamp},
    integration_id BIGINT,
    api_name VARCHAR(80),
    label VARCHAR(255),
    type VARCHAR(40),
    CONSTRAINT pk_credential_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_credential_aud_rev FOREIGN KEY (rev) REFERENCES revision (id)
);

-- Envers keys map entries by (credential, revision, name, value); a value of up to 4000 characters is
-- too wide for a PostgreSQL index, so this table has an index instead of a primary key.
CREATE TABLE credential_attribute_aud (
    credential_id BIGINT NOT NULL,
    rev BIGINT NOT NULL,
    revtype SMALLINT,
    name VARCHAR(80) NOT NULL,
    attr_value VARCHAR(4000) NOT NULL,
    CONSTRAINT fk_credential_attribute_aud_rev FOREIGN KEY (rev) REFERENCES revision (id)
);
CREATE INDEX ix_credential_attribute_aud ON credential_attribute_aud (credential_id, rev);
