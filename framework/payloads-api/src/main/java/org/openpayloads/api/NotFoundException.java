package org.openpayloads.api;

/** A named thing does not exist. The message names its kind and the name asked for. */
public class NotFoundException extends PayloadsException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    /** For example {@code of("payload", "stripe/charge")} says "No payload 'stripe/charge' exists". */
    public static NotFoundException of(String kind, String name) {
        return new NotFoundException("No " + kind + " '" + name + "' exists");
    }
}
