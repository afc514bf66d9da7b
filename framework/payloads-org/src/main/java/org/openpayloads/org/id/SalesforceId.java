package org.openpayloads.org.id;

import java.util.Optional;

/**
 * An 18-character Salesforce record id: a 3-character key prefix, 12 base-62 characters and a 3-character
 * case-safe suffix. The suffix encodes which of the first 15 characters are upper case, so that systems that
 * ignore case can still tell two ids apart.
 *
 * <p>Input accepts the 15-character (case-sensitive) form and the 18-character form; an 18-character id
 * whose case was lost (all upper or all lower case) is restored from its suffix.
 */
public record SalesforceId(String value) implements Comparable<SalesforceId> {

    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int BODY_LENGTH = 12;

    public SalesforceId {
        if (value.length() != 18 || !isAlphanumeric(value) || !suffix(value).equals(value.substring(15))) {
            throw new IllegalArgumentException("'" + value + "' is not a canonical 18-character Salesforce id");
        }
    }

    /** The id of the {@code number}-th record of an object with the given key prefix. */
    public static SalesforceId of(String keyPrefix, long number) {
        if (keyPrefix.length() != 3 || !isAlphanumeric(keyPrefix)) {
            throw new IllegalArgumentException("key prefix was '" + keyPrefix + "'; expected 3 letters or digits");
        }
        if (number < 0) {
            throw new IllegalArgumentException("record number was " + number + "; expected 0 or more");
        }
        char[] body = new char[BODY_LENGTH];
        long rest = number;
        for (int i = BODY_LENGTH - 1; i >= 0; i--) {
            body[i] = BASE62.charAt((int) (rest % 62));
            rest /= 62;
        }
        String id15 = keyPrefix + new String(body);
        return new SalesforceId(id15 + suffix(id15));
    }

    /**
     * The canonical id for a 15- or 18-character input, or empty when it is not a valid id: wrong length,
     * a character outside [0-9A-Za-z], or a suffix that does not match.
     */
    public static Optional<SalesforceId> parse(String input) {
        if (!isAlphanumeric(input)) {
            return Optional.empty();
        }
        if (input.length() == 15) {
            return Optional.of(new SalesforceId(input + suffix(input)));
        }
        if (input.length() != 18) {
            return Optional.empty();
        }
        String id15 = input.substring(0, 15);
        String given = input.substring(15).toUpperCase(java.util.Locale.ROOT);
        if (suffix(id15).equals(given)) {
            return Optional.of(new SalesforceId(id15 + given));
        }
        // Only an id whose case was lost as a whole is restored; a mixed-case id with another suffix was edited.
        if (hasMixedCase(id15)) {
            return Optional.empty();
        }
        return restoreCase(id15, given).map(restored -> new SalesforceId(restored + given));
    }

    /** The 3-character key prefix that names the object, such as {@code 001} for Account. */
    public String keyPrefix() {
        return value.substring(0, 3);
    }

    /** The case-sensitive 15-character form. */
    public String id15() {
        return value.substring(0, 15);
    }

    /** The case-safe suffix of a 15-character id. */
    static String suffix(String id15) {
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix.append(SUFFIX_ALPHABET.charAt(bits));
        }
        return suffix.toString();
    }

    private static Optional<String> restoreCase(String id15, String suffix) {
        char[] chars = id15.toCharArray();
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = SUFFIX_ALPHABET.indexOf(suffix.charAt(chunk));
            for (int i = 0; i < 5; i++) {
                int at = chunk * 5 + i;
                boolean upper = (bits & (1 << i)) != 0;
                if (Character.isDigit(chars[at])) {
                    if (upper) {
                        return Optional.empty();
                    }
                } else {
                    chars[at] = upper ? Character.toUpperCase(chars[at]) : Character.toLowerCase(chars[at]);
                }
            }
        }
        return Optional.of(new String(chars));
    }

    private static boolean hasMixedCase(String s) {
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
        }
        return upper && lower;
    }

    private static boolean isAlphanumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    @Override
    public int compareTo(SalesforceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
