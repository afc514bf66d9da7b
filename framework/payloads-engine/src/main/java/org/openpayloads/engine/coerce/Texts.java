package org.openpayloads.engine.coerce;

/** Length rules for text values. */
final class Texts {

    private Texts() {
    }

    /**
     * The first {@code max} UTF-16 units of a text, one fewer when the cut would split a surrogate pair (an emoji,
     * say). Salesforce counts a field's length in UTF-16 units, as Java does, so an emoji counts as two.
     */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end);
    }
}
