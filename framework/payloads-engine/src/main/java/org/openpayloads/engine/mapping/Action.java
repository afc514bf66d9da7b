package org.openpayloads.engine.mapping;

/** What the engine does, or would do, with one record: a target's operation once it is resolved. */
public enum Action {
    INSERT,
    UPDATE,
    UPSERT,
    DELETE,
    /** Nothing: the condition was false, or CREATE_IF_MISSING found the record and is set to skip. */
    SKIP
}
