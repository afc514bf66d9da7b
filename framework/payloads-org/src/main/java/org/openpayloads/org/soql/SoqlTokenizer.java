package org.openpayloads.org.soql;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openpayloads.org.soql.Token.Kind;

/**
 * Splits a query into tokens, one at a time and without recursion. It rejects only what cannot be a token
 * (an unterminated string, an unknown escape, an impossible date); everything else is the parser's call.
 */
final class SoqlTokenizer {

    /** Salesforce's numbers have at most 18 digits; this bounds BigDecimal work on hostile input. */
    private static final int MAX_NUMBER_LENGTH = 40;
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern TIME = Pattern.compile(
            "T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})", Pattern.CASE_INSENSITIVE);

    private final String soql;
    private int pos;

    private SoqlTokenizer(String soql) {
        this.soql = soql;
    }

    /** A tokenizer that reads {@code soql} one token at a time, so errors come in the order of the text. */
    static SoqlTokenizer over(String soql) {
        return new SoqlTokenizer(soql);
    }

    /** All the tokens of {@code soql}, ending with one {@link Kind#END} token. */
    static List<Token> tokenize(String soql) {
        SoqlTokenizer tokenizer = new SoqlTokenizer(soql);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = tokenizer.next();
            tokens.add(token);
        } while (!token.is(Kind.END));
        return List.copyOf(tokens);
    }

    /** The next token; {@link Kind#END} at the end, and again on every later call. */
    Token next() {
        while (pos < soql.length() && Character.isWhitespace(soql.charAt(pos))) {
            pos++;
        }
        if (pos >= soql.length()) {
            return new Token(Kind.END, "", null, soql.length());
        }
        char c = soql.charAt(pos);
        if (isLetter(c)) {
            return identifier();
        } else if (c == '\'') {
            return string();
        } else if (isDigit(c) || ((c == '-' || c == '+') && isDigit(charAt(pos + 1)))) {
            return numberOrDate();
        }
        return punctuation(c);
    }

    private Token identifier() {
        int start = pos;
        while (pos < soql.length() && (isLetter(soql.charAt(pos)) || isDigit(soql.charAt(pos))
                || soql.charAt(pos) == '_')) {
            pos++;
        }
        return token(Kind.IDENTIFIER, start, null);
    }

    private Token string() {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= soql.length()) {
                throw SoqlException.malformed(soql, start, "unterminated string literal: the closing quote is missing");
            }
            char c = soql.charAt(pos);
            if (c == '\'') {
                pos++;
                return token(Kind.STRING, start, value.toString());
            }
            if (c == '\\') {
                if (pos + 1 >= soql.length()) {
                    throw SoqlException.malformed(soql, start,
                            "unterminated string literal: the closing quote is missing");
                }
                char escaped = soql.charAt(pos + 1);
                int decoded = SoqlStrings.unescape(escaped);
                if (decoded == SoqlStrings.ILLEGAL) {
                    throw SoqlException.malformed(soql, pos, "Illegal character sequence '\\"
                            + soql.substring(pos + 1, pos + 1 + Character.charCount(soql.codePointAt(pos + 1)))
                            + "' in string literal. Escape a backslash as \\\\");
                }
                value.append((char) decoded);
                pos += 2;
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    private Token numberOrDate() {
        int start = pos;
        Matcher date = DATE.matcher(soql).region(pos, soql.length());
        if (date.lookingAt()) {
            pos = date.end();
            return dateOrDateTime(start, date);
        }
        if (!isDigit(soql.charAt(pos))) {
            pos++; // the sign
        }
        skipDigits();
        if (charAt(pos) == '.' && isDigit(charAt(pos + 1))) {
            pos++;
            skipDigits();
        }
        if (pos - start > MAX_NUMBER_LENGTH) {
            throw SoqlException.malformed(soql, start,
                    "number literal too long: more than " + MAX_NUMBER_LENGTH + " characters");
        }
        return token(Kind.NUMBER, start, new BigDecimal(soql.substring(start, pos)));
    }

    private Token dateOrDateTime(int start, Matcher date) {
        LocalDate day;
        try {
            day = LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(3)));
        } catch (DateTimeException e) {
            throw SoqlException.malformed(soql, start, "invalid date '" + date.group() + "': " + e.getMessage());
        }
        if (charAt(pos) != 'T' && charAt(pos) != 't') {
            return token(Kind.DATE, start, day);
        }
        Matcher time = TIME.matcher(soql).region(pos, soql.length());
        if (!time.lookingAt()) {
            throw SoqlException.malformed(soql, start, "invalid dateTime literal: expected YYYY-MM-DDThh:mm:ss "
                    + "followed by Z or an offset such as +01:00");
        }
        pos = time.end();
        try {
            String fraction = time.group(4) == null ? "" : time.group(4).substring(1);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
            LocalDateTime local = day.atTime(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)),
                    Integer.parseInt(time.group(3)), nanos);
            String zone = time.group(5).toUpperCase(Locale.ROOT);
            return token(Kind.DATETIME, start, OffsetDateTime.of(local, ZoneOffset.of(zone)));
        } catch (DateTimeException e) {
            throw SoqlException.malformed(soql, start,
                    "invalid dateTime '" + soql.substring(start, pos) + "': " + e.getMessage());
        }
    }

    private Token punctuation(char c) {
        int start = pos;
        char next = charAt(pos + 1);
        Kind kind;
        int length = 1;
        switch (c) {
            case ',' -> kind = Kind.COMMA;
            case '.' -> kind = Kind.DOT;
            case '(' -> kind = Kind.LEFT_PAREN;
            case ')' -> kind = Kind.RIGHT_PAREN;
            case ':' -> kind = Kind.COLON;
            case '=' -> kind = Kind.OPERATOR;
            case '<' -> {
                kind = Kind.OPERATOR;
                length = next == '=' || next == '>' ? 2 : 1;
            }
            case '>' -> {
                kind = Kind.OPERATOR;
                length = next == '=' ? 2 : 1;
            }
            case '!' -> {
                kind = next == '=' ? Kind.OPERATOR : Kind.SYMBOL;
                length = next == '=' ? 2 : 1;
            }
            default -> {
                kind = Kind.SYMBOL;
                length = Character.charCount(soql.codePointAt(pos));
            }
        }
        pos += length;
        return token(kind, start, null);
    }

    private Token token(Kind kind, int start, @Nullable Object value) {
        return new Token(kind, soql.substring(start, pos), value, start);
    }

    private void skipDigits() {
        while (isDigit(charAt(pos))) {
            pos++;
        }
    }

    private char charAt(int index) {
        return index < soql.length() ? soql.charAt(index) : '\0';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
