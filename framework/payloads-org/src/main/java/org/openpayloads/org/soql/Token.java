package org.openpayloads.org.soql;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One lexical token. Keywords are identifiers; the parser tells them apart, ignoring case.
 *
 * @param text the source text of the token ({@code ""} at the end)
 * @param value the decoded value of a literal: a String, BigDecimal, LocalDate or OffsetDateTime
 * @param position the offset of the token's first character in the query
 */
record Token(Kind kind, String text, @Nullable Object value, int position) {

    enum Kind {
        IDENTIFIER, STRING, NUMBER, DATE, DATETIME, OPERATOR, COMMA, DOT, LEFT_PAREN, RIGHT_PAREN, COLON,
        /** A character that SOQL has no use for; the parser reports it. */
        SYMBOL,
        END
    }

    boolean is(Kind expected) {
        return kind == expected;
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    /** The token as an error message quotes it. */
    String quoted() {
        if (kind == Kind.END) {
            return "'<EOF>'";
        }
        return "'" + (text.length() > 100 ? text.substring(0, 100) + "..." : text) + "'";
    }
}
