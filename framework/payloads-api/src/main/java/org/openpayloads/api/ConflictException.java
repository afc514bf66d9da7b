package org.openpayloads.api;

/**
 * The request conflicts with what is stored: a duplicate API name, or a change made meanwhile by
 * someone else.
 */
public class ConflictException extends PayloadsException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field whose value conflicts, for example {@code apiName}. */
    public String field() {
        return field;
    }
}
