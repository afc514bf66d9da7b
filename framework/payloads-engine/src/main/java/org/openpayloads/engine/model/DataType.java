package org.openpayloads.engine.model;

/** The type of a payload element's value. */
public enum DataType {
    STRING, NUMBER, INTEGER, BOOLEAN, DATE, DATETIME, OBJECT, ARRAY
}
