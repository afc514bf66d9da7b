package org.openpayloads.engine.coerce;

import org.openpayloads.api.MappingException;

/** A value that cannot be given to a target field, or an amount in an unknown currency. */
public class CoercionException extends MappingException {

    private static final long serialVersionUID = 1L;

    public CoercionException(String message) {
        super(message);
    }
}
