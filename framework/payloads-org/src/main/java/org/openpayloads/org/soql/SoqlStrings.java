package org.openpayloads.org.soql;

/** SOQL string literal escapes, shared by the tokenizer, the LIKE matcher and {@link SoqlParser#quote}. */
final class SoqlStrings {

    /** Returned by {@link #unescape(char)} for a sequence that SOQL does not define. */
    static final int ILLEGAL = -1;

    private SoqlStrings() {
    }

    /**
     * The character that {@code \c} stands for inside a string literal, or {@link #ILLEGAL}. {@code \%} and
     * {@code \_} stand for themselves; only a LIKE pattern treats them differently from {@code %} and {@code _}.
     */
    static int unescape(char c) {
        return switch (c) {
            case 'n', 'N' -> '\n';
            case 'r', 'R' -> '\r';
            case 't', 'T' -> '\t';
            case 'b', 'B' -> '\b';
            case 'f', 'F' -> '\f';
            case '"', '\'', '\\', '%', '_' -> c;
            default -> ILLEGAL;
        };
    }

    /** {@code value} as a SOQL string literal, quotes included, that reads back as exactly {@code value}. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }
}
