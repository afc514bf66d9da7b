package org.openpayloads.api;

/**
 * The root of every exception OpenPayloads throws on purpose. Unchecked: callers handle the
 * subclasses they can act on, and the web layer maps each subclass to one HTTP status.
 */
public class PayloadsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PayloadsException(String message) {
        super(message);
    }

    public PayloadsException(String message, Throwable cause) {
        super(message, cause);
    }
}
