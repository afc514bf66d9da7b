package org.openpayloads.engine.model;

/** What CREATE_IF_MISSING does when the record already exists. */
public enum WhenPresent {
    UPDATE, SKIP
}
