package org.openpayloads.engine.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConfigException;
import org.openpayloads.engine.config.ElementPaths;

/** Splits an expression into tokens; columns are 1-based, as a user counts them. */
final class Tokenizer {

    enum Kind { STRING, NUMBER, PATH, NAME, OPEN, CLOSE, COMMA, OPERATOR, END }

    record Token(Kind kind, String text, @Nullable Object value, int column) {

        /** How the token appears in an error message. */
        String shown() {
            return kind == Kind.END ? "end of expression" : "'" + text + "'";
        }
    }

    static final String FIELD = "value";

    private final String source;
    private int pos;

    private Tokenizer(String source) {
        this.source = source;
    }

    static List<Token> tokenize(String source) {
        Tokenizer tokenizer = new Tokenizer(source);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = tokenizer.next();
            tokens.add(token);
        } while (token.kind() != Kind.END);
        return tokens;
    }

    static ConfigException error(String message) {
        return new ConfigException(FIELD, message);
    }

    private Token next() {
        while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos == source.length()) {
            return new Token(Kind.END, "", null, start + 1);
        }
        char c = source.charAt(pos);
        if (c == '\'' || c == '"') {
            return string(c);
        }
        if (c == '$' || c == '@') {
            return path();
        }
        if (isDigit(c) || (c == '-' || c == '.') && pos + 1 < source.length() && isDigit(source.charAt(pos + 1))) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < source.length() && (Character.isLetterOrDigit(source.charAt(pos)) || source.charAt(pos) == '_')) {
                pos++;
            }
            return new Token(Kind.NAME, source.substring(start, pos), null, start + 1);
        }
        pos++;
        return switch (c) {
            case '(' -> new Token(Kind.OPEN, "(", null, start + 1);
            case ')' -> new Token(Kind.CLOSE, ")", null, start + 1);
            case ',' -> new Token(Kind.COMMA, ",", null, start + 1);
            default -> operator(c, start);
        };
    }

    private Token operator(char c, int start) {
        char following = pos < source.length() ? source.charAt(pos) : 0;
        String two = "" + c + following;
        if (two.equals("==") || two.equals("!=") || two.equals("<=") || two.equals(">=") || two.equals("&&")
                || two.equals("||")) {
            pos++;
            return new Token(Kind.OPERATOR, two, null, start + 1);
        }
        if (c == '<' || c == '>' || c == '!') {
            return new Token(Kind.OPERATOR, String.valueOf(c), null, start + 1);
        }
        String hint = switch (c) {
            case '=' -> "'==' to compare";
            case '&' -> "'&&'";
            case '|' -> "'||'";
            default -> "a value, a path, a function call or an operator";
        };
        throw error("unexpected '" + c + "' at column " + (start + 1) + "; expected " + hint);
    }

    private Token string(char quote) {
        int start = pos++;
        StringBuilder text = new StringBuilder();
        while (pos < source.length()) {
            char c = source.charAt(pos++);
            if (c == quote) {
                return new Token(Kind.STRING, source.substring(start, pos), text.toString(), start + 1);
            }
            if (c == '\\') {
                text.append(escape());
            } else {
                text.append(c);
            }
        }
        throw error("unterminated text at column " + (start + 1) + "; expected a closing " + quote);
    }

    private char escape() {
        int at = pos - 1;
        if (pos == source.length()) {
            throw error("unfinished escape at column " + (at + 1) + "; expected a character after \\");
        }
        char c = source.charAt(pos++);
        switch (c) {
            case '\\', '\'', '"', '/':
                return c;
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                if (pos + 4 <= source.length() && source.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
                    pos += 4;
                    return (char) Integer.parseInt(source.substring(pos - 4, pos), 16);
                }
                throw error("bad escape at column " + (at + 1) + "; expected \\u and four hex digits");
            default:
                throw error("unknown escape '\\" + c + "' at column " + (at + 1)
                        + "; expected one of \\\\ \\' \\\" \\/ \\n \\r \\t \\uXXXX");
        }
    }

    private Token number() {
        int start = pos;
        if (source.charAt(pos) == '-') {
            pos++;
        }
        digits();
        if (pos < source.length() && source.charAt(pos) == '.') {
            pos++;
            digits();
        }
        if (pos < source.length() && (source.charAt(pos) == 'e' || source.charAt(pos) == 'E')) {
            pos++;
            if (pos < source.length() && (source.charAt(pos) == '+' || source.charAt(pos) == '-')) {
                pos++;
            }
            int exponent = pos;
            digits();
            // A huge exponent would make toPlainString() build a huge text.
            if (pos == exponent || pos - exponent > 3) {
                throw error("bad number '" + source.substring(start, pos) + "' at column " + (start + 1)
                        + "; expected an exponent of 1 to 3 digits");
            }
        }
        if (pos < source.length() && (Character.isLetterOrDigit(source.charAt(pos)) || source.charAt(pos) == '.')) {
            throw error("bad number at column " + (start + 1) + "; expected digits, a '.' and an optional exponent");
        }
        String text = source.substring(start, pos);
        return new Token(Kind.NUMBER, text, new BigDecimal(text), start + 1);
    }

    private void digits() {
        while (pos < source.length() && isDigit(source.charAt(pos))) {
            pos++;
        }
    }

    /**
     * A path runs to the next whitespace, comma, closing parenthesis or operator outside brackets and parentheses,
     * so that {@code $['a b']}, {@code $.items[?(@.price > 10)]} and {@code $.items.length()} stay whole.
     */
    private Token path() {
        int start = pos;
        int depth = 0;
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (depth == 0 && (Character.isWhitespace(c) || c == ',' || c == ')' || "=!<>&|".indexOf(c) >= 0)) {
                break;
            }
            if (c == '\'' || c == '"') {
                skipQuoted(c, start);
                continue;
            }
            if (c == '[' || c == '(') {
                depth++;
            } else if ((c == ']' || c == ')') && depth > 0) {
                depth--;
            }
            pos++;
        }
        String path = source.substring(start, pos);
        if (depth > 0) {
            throw error("unclosed bracket in path at column " + (start + 1) + "; expected ']' or ')'");
        }
        ElementPaths.problem(path).ifPresent(problem -> {
            throw error("bad path at column " + (start + 1) + ": " + problem);
        });
        return new Token(Kind.PATH, path, path, start + 1);
    }

    private void skipQuoted(char quote, int pathStart) {
        pos++;
        while (pos < source.length()) {
            char c = source.charAt(pos++);
            if (c == '\\') {
                pos++;
            } else if (c == quote) {
                return;
            }
        }
        throw error("unterminated text in path at column " + (pathStart + 1) + "; expected a closing " + quote);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
