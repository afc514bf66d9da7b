package org.openpayloads.api.records;

/** What a {@link RecordWrite} does to its record. */
public enum WriteKind {
    /** Creates a record. */
    INSERT,
    /** Changes the record with a given id. */
    UPDATE,
    /** Creates or changes the record whose external id field holds a given value. */
    UPSERT,
    /** Deletes the record with a given id or external id. */
    DELETE
}
