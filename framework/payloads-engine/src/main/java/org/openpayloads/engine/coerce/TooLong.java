package org.openpayloads.engine.coerce;

/** What to do with a text longer than its field allows. */
public enum TooLong {
    /** Cut the text to the field's length, never inside a surrogate pair. */
    TRUNCATE,
    /** Reject the value with a {@link CoercionException}. */
    FAIL
}
