package org.openpayloads.engine.security;

/**
 * How a secret is shown: masked, with at most its last 4 characters, and only when it is long enough
 * (12 characters or more) that 4 characters give little away.
 */
public final class SecretMask {

    static final String MASK = "********";
    private static final int MIN_LENGTH_TO_REVEAL = 12;
    private static final int REVEALED = 4;

    private SecretMask() {
    }

    public static String mask(String secret) {
        if (secret.length() < MIN_LENGTH_TO_REVEAL) {
            return MASK;
        }
        return MASK + secret.substring(secret.length() - REVEALED);
    }

    /** Whether {@code value} is a mask, as a client sends back what it read; such a value changes nothing. */
    public static boolean isMask(String value) {
        return value.startsWith(MASK);
    }
}
