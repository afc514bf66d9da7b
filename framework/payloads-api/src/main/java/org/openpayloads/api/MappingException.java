package org.openpayloads.api;

/**
 * Bad data: a payload that cannot be parsed or a value that cannot be mapped. Retrying cannot fix it,
 * so a job that fails with it fails at once.
 */
public class MappingException extends PayloadsException {

    private static final long serialVersionUID = 1L;

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
