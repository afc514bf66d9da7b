package org.openpayloads.store.crypto;

import org.openpayloads.api.PayloadsException;

/** A stored secret cannot be decrypted: another key sealed it, or it was altered. Never holds the secret. */
public final class DecryptionException extends PayloadsException {

    private static final long serialVersionUID = 1L;

    public DecryptionException(String message) {
        super(message);
    }
}
