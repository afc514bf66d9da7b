package org.openpayloads.api.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Builds SOQL from names and values without letting a value change the query: names must be API names,
 * and every string goes in as one quoted literal, escaped per SOQL's string-literal rules.
 */
public final class Soql {

    private static final Pattern OBJECT = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}(\\.[A-Za-z][A-Za-z0-9_]{0,79}){0,5}");

    private Soql() {
    }

    /** {@code SELECT Id FROM object WHERE field = value LIMIT 2}: two, to tell one match from many. */
    public static String findId(String object, String field, Object value) {
        return "SELECT Id FROM " + name("object", object, OBJECT) + " WHERE " + name("field", field, FIELD) + " = "
                + literal(value) + " LIMIT 2";
    }

    /**
     * {@code SELECT fields FROM object WHERE f1 = v1 AND f2 = v2 LIMIT limit}; a null value becomes
     * {@code f = null}.
     */
    public static String select(String object, List<String> fields, Map<String, ? extends Object> equals, int limit) {
        if (fields.isEmpty() || equals.isEmpty()) {
            throw new IllegalArgumentException("a select of " + object + " needs at least one field and one condition");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit was " + limit + "; expected 1 or more");
        }
        StringJoiner select = new StringJoiner(", ", "SELECT ", " FROM " + name("object", object, OBJECT));
        fields.forEach(field -> select.add(name("field", field, FIELD)));
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", " LIMIT " + limit);
        equals.forEach((field, value) -> where.add(name("field", field, FIELD) + " = "
                + (value == null ? "null" : literal(value))));
        return select + where.toString();
    }

    /** {@code object}, checked to be an API name before it goes into a query or a path. */
    public static String objectName(String object) {
        return name("object", object, OBJECT);
    }

    /** A value as a SOQL literal: strings quoted and escaped, numbers plain, dates and times in ISO form. */
    public static String literal(Object value) {
        if (value instanceof CharSequence text) {
            return quote(text.toString());
        }
        if (value instanceof Boolean bool) {
            return bool.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("value " + value + " cannot be a SOQL literal; expected a finite number");
            }
            return new BigDecimal(value.toString()).toPlainString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof Instant instant) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        if (value instanceof OffsetDateTime dateTime) {
            return DateTimeFormatter.ISO_INSTANT.format(dateTime.toInstant());
        }
        if (value instanceof ZonedDateTime dateTime) {
            return DateTimeFormatter.ISO_INSTANT.format(dateTime.withZoneSameInstant(ZoneOffset.UTC).toInstant());
        }
        throw new IllegalArgumentException("a value of type " + value.getClass().getName() + " cannot be a SOQL "
                + "literal; expected a string, number, boolean, LocalDate, Instant or OffsetDateTime");
    }

    /** {@code 'text'} with quotes, backslashes and control characters escaped. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }

    /**
     * Reads a SOQL string literal back, failing if it ends before its last character: proof that the
     * literal is one token, whatever the value held.
     */
    public static String unquote(String literal) {
        if (literal.length() < 2 || literal.charAt(0) != '\'' || literal.charAt(literal.length() - 1) != '\'') {
            throw new IllegalArgumentException("not a quoted literal: " + literal);
        }
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '\'') {
                throw new IllegalArgumentException("an unescaped quote at " + i + " ends the literal early: " + literal);
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char next = literal.charAt(++i);
            switch (next) {
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'u' -> {
                    value.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> value.append(next);
            }
        }
        return value.toString();
    }

    private static String name(String what, String name, Pattern pattern) {
        if (!pattern.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " was '" + name + "'; expected an API name (letters, digits and "
                    + "underscores, starting with a letter" + (what.equals("field") ? ", dots between relationships" : "")
                    + ")");
        }
        return name;
    }
}
