package org.openpayloads.engine.parse;

/**
 * How much structure a body may have, so that a hostile body fails fast instead of exhausting the stack
 * or the heap.
 *
 * @param maxDepth how deeply objects, arrays or XML elements may nest
 * @param maxKeyBrackets how many {@code [..]} segments one form key may have
 * @param maxFields how many form fields or XML elements and attributes a body may have; also the
 *     largest form array index
 */
public record ParseLimits(int maxDepth, int maxKeyBrackets, int maxFields) {

    public static final ParseLimits DEFAULTS = new ParseLimits(200, 32, 10_000);

    public ParseLimits {
        requirePositive("maxDepth", maxDepth);
        requirePositive("maxKeyBrackets", maxKeyBrackets);
        requirePositive("maxFields", maxFields);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " was " + value + "; expected at least 1");
        }
    }
}
