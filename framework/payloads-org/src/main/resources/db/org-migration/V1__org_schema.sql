-- The embedded org's schema, the same file for HSQLDB and PostgreSQL. Where their types differ, Flyway
-- placeholders stand in: ${text} (long text) and ${timestamp} (an instant). Every table starts with org_
-- because the server's own tables live in the same schema. Hibernate only validates these tables.
-- Ids come from sequences (pooled, 50 at a time) so that inserts can be batched.

CREATE SEQUENCE org_object_seq AS BIGINT START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE org_field_seq AS BIGINT START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE org_record_seq AS BIGINT START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE org_record_key_seq AS BIGINT START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE org_connected_app_seq AS BIGINT START WITH 1 INCREMENT BY 50;

-- Schema as data ------------------------------------------------------------------------------------

CREATE TABLE org_object (
    id BIGINT NOT NULL,
    name VARCHAR(80) NOT NULL,
    label VARCHAR(255) NOT NULL,
    label_plural VARCHAR(255) NOT NULL,
    key_prefix VARCHAR(3) NOT NULL,
    custom BOOLEAN NOT NULL,
    created_at ${timestamp} NOT NULL,
    modified_at ${timestamp} NOT NULL,
    CONSTRAINT pk_org_object PRIMARY KEY (id),
    CONSTRAINT uq_org_object_name UNIQUE (name),
    CONSTRAINT uq_org_object_key_prefix UNIQUE (key_prefix)
);

-- picklist_values: one value per line. reference_to: the parent object's name.
CREATE TABLE org_field (
    id BIGINT NOT NULL,
    object_id BIGINT NOT NULL,
    name VARCHAR(80) NOT NULL,
    label VARCHAR(255) NOT NULL,
    type VARCHAR(20) NOT NULL,
    length INTEGER NOT NULL,
    field_precision INTEGER NOT NULL,
    field_scale INTEGER NOT NULL,
    required BOOLEAN NOT NULL,
    unique_value BOOLEAN NOT NULL,
    external_id BOOLEAN NOT NULL,
    id_lookup BOOLEAN NOT NULL,
    custom BOOLEAN NOT NULL,
    picklist_values ${text},
    restricted_picklist BOOLEAN NOT NULL,
    reference_to VARCHAR(80),
    relationship_name VARCHAR(80),
    child_relationship_name VARCHAR(80),
    cascade_delete BOOLEAN NOT NULL,
    position INTEGER NOT NULL,
    CONSTRAINT pk_org_field PRIMARY KEY (id),
    CONSTRAINT fk_org_field_object FOREIGN KEY (object_id) REFERENCES org_object (id) ON DELETE CASCADE,
    CONSTRAINT uq_org_field_name UNIQUE (object_id, name)
);

-- Records -------------------------------------------------------------------------------------------

-- One row per record; its field values are one JSON object in data, so that a write is one row, not one
-- row per field. System fields have columns of their own.
CREATE TABLE org_record (
    id BIGINT NOT NULL,
    object_name VARCHAR(80) NOT NULL,
    sf_id VARCHAR(18) NOT NULL,
    data ${text} NOT NULL,
    owner_id VARCHAR(18),
    created_by_id VARCHAR(18),
    created_date ${timestamp} NOT NULL,
    last_modified_by_id VARCHAR(18),
    last_modified_date ${timestamp} NOT NULL,
    system_modstamp ${timestamp} NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_org_record PRIMARY KEY (id),
    CONSTRAINT uq_org_record_sf_id UNIQUE (sf_id)
);
CREATE INDEX ix_org_record_object ON org_record (object_name, id);

-- The index of field values that writes and queries look records up by: external ids and unique fields
-- (slot 0, so the unique constraint allows one record per value), id-lookup fields such as Email and
-- references (slot = the record's id, so many records may share a value).
CREATE TABLE org_record_key (
    id BIGINT NOT NULL,
    record_id BIGINT NOT NULL,
    object_name VARCHAR(80) NOT NULL,
    field_name VARCHAR(80) NOT NULL,
    norm_value VARCHAR(255) NOT NULL,
    slot BIGINT NOT NULL,
    CONSTRAINT pk_org_record_key PRIMARY KEY (id),
    CONSTRAINT fk_org_record_key_record FOREIGN KEY (record_id) REFERENCES org_record (id) ON DELETE CASCADE,
    CONSTRAINT uq_org_record_key UNIQUE (object_name, field_name, norm_value, slot)
);
CREATE INDEX ix_org_record_key_record ON org_record_key (record_id);

-- Access --------------------------------------------------------------------------------------------

CREATE TABLE org_connected_app (
    id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    client_id VARCHAR(100) NOT NULL,
    secret_hash VARCHAR(200) NOT NULL,
    created_at ${timestamp} NOT NULL,
    CONSTRAINT pk_org_connected_app PRIMARY KEY (id),
    CONSTRAINT uq_org_connected_app_client UNIQUE (client_id)
);

-- Passwords of User records, hashed; the users themselves are records of the User object.
CREATE TABLE org_user_password (
    user_id VARCHAR(18) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    CONSTRAINT pk_org_user_password PRIMARY KEY (user_id)
);

-- Only the SHA-256 of a session token is stored.
CREATE TABLE org_session (
    token_hash VARCHAR(64) NOT NULL,
    user_id VARCHAR(18) NOT NULL,
    issued_at ${timestamp} NOT NULL,
    expires_at ${timestamp} NOT NULL,
    CONSTRAINT pk_org_session PRIMARY KEY (token_hash)
);

-- Org-wide values: the org id, the signing key, the daily API limit, today's API usage.
CREATE TABLE org_setting (
    name VARCHAR(80) NOT NULL,
    setting_value VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_org_setting PRIMARY KEY (name)
);
