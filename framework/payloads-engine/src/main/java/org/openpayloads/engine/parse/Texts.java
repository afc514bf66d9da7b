package org.openpayloads.engine.parse;

/** Helpers for putting body text into error messages. */
final class Texts {

    private static final int MAX_SHOWN = 80;

    private Texts() {
    }

    /** {@code text}, cut short so that a hostile key cannot flood a message or a log. */
    static String shorten(String text) {
        return text.length() <= MAX_SHOWN ? text
                : text.substring(0, MAX_SHOWN) + "... (" + text.length() + " characters)";
    }
}
