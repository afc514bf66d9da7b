package org.openpayloads.engine.model;

/** Where a field mapping's value comes from. */
public enum ValueSourceType {
    /** An element of the payload body, by path. */
    ELEMENT,
    /** A field of the record a source read (outbound). */
    FIELD,
    /** A fixed value. */
    STATIC,
    /** An expression in the mapping language. */
    EXPRESSION,
    /** A record found by a field value, such as the Account by Stripe customer id. */
    LOOKUP,
    /** A plain attribute of a credential. */
    CREDENTIAL,
    /** A result of an earlier target in the same job, such as the Account's id. */
    TARGET_RESULT
}
