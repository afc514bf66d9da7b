package org.openpayloads.engine.model;

/** The HTTP methods an outbound payload may call with. */
public enum HttpMethod {
    GET, POST, PUT, PATCH, DELETE
}
