package org.openpayloads.engine.model;

/** What a mapping does when its value is null or absent. */
public enum NullRule {
    /** Leave the field out, so the stored value stays. */
    IGNORE,
    /** Send null, clearing the stored value. */
    CLEAR
}
