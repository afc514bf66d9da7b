package org.openpayloads.org.query;

/** A query that cannot run, with Salesforce's error code (MALFORMED_QUERY, INVALID_FIELD, ...) and message. */
public final class QueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;

    public QueryException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
