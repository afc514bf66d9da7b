package org.openpayloads.engine.inbound;

import org.openpayloads.api.PayloadsException;

/**
 * A caller that did not prove who it is: a missing, malformed, stale or wrong credential. The message says which,
 * for the caller and the security log, and never contains a secret or the signature expected.
 */
public class AuthenticationException extends PayloadsException {

    public AuthenticationException(String message) {
        super(message);
    }
}
