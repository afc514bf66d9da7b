package org.openpayloads.engine.model;

/** What to do with a text longer than its field allows. */
public enum TooLong {
    /** Cut the text to the field's length, never inside a surrogate pair. */
    TRUNCATE,
    /** Reject the value: the record fails with an error that names the field and its length. */
    FAIL
}
