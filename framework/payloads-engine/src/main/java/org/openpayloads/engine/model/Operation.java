package org.openpayloads.engine.model;

/** What a target does with its record. */
public enum Operation {
    INSERT,
    /** Update the record found by id or by match fields. */
    UPDATE,
    /** Insert or update by an external id field. */
    UPSERT,
    /** Find by match fields; insert when absent, update or skip when present. */
    CREATE_IF_MISSING,
    DELETE
}
