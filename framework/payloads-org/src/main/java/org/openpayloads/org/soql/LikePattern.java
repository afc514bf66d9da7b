package org.openpayloads.org.soql;

import java.util.Arrays;

/**
 * A LIKE pattern: {@code %} matches any run of characters, {@code _} exactly one, {@code \%} and {@code \_}
 * themselves; case is ignored. Matching is a linear scan with one backtrack point, never a regular expression,
 * so a hostile pattern cannot make it run away.
 */
final class LikePattern {

    private static final int ANY_ONE = -1;
    private static final int ANY_RUN = -2;

    /** Case-folded code points, or {@link #ANY_ONE} and {@link #ANY_RUN}. */
    private final int[] pattern;

    private LikePattern(int[] pattern) {
        this.pattern = pattern;
    }

    /** Compiles a string literal as written in the query, quotes and escapes included. */
    static LikePattern compile(String literal) {
        if (literal.length() < 2 || literal.charAt(0) != '\'' || literal.charAt(literal.length() - 1) != '\'') {
            throw new IllegalArgumentException("Not a string literal: " + literal);
        }
        int[] out = new int[literal.length()];
        int size = 0;
        int i = 1;
        int end = literal.length() - 1;
        while (i < end) {
            int c = literal.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\\') {
                int decoded = SoqlStrings.unescape(literal.charAt(i++));
                if (decoded == SoqlStrings.ILLEGAL) {
                    throw new IllegalArgumentException("Illegal escape in " + literal);
                }
                out[size++] = fold(decoded);
            } else if (c == '%') {
                if (size == 0 || out[size - 1] != ANY_RUN) {
                    out[size++] = ANY_RUN;
                }
            } else if (c == '_') {
                out[size++] = ANY_ONE;
            } else {
                out[size++] = fold(c);
            }
        }
        return new LikePattern(Arrays.copyOf(out, size));
    }

    boolean matches(String value) {
        int[] text = value.codePoints().map(LikePattern::fold).toArray();
        int t = 0;
        int p = 0;
        int lastRun = -1;
        int resume = 0;
        while (t < text.length) {
            if (p < pattern.length && (pattern[p] == ANY_ONE || pattern[p] == text[t])) {
                t++;
                p++;
            } else if (p < pattern.length && pattern[p] == ANY_RUN) {
                lastRun = p++;
                resume = t;
            } else if (lastRun >= 0) {
                // Let the last % swallow one more character and retry from there.
                p = lastRun + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length && pattern[p] == ANY_RUN) {
            p++;
        }
        return p == pattern.length;
    }

    private static int fold(int codePoint) {
        return Character.toLowerCase(Character.toUpperCase(codePoint));
    }
}
