package org.openpayloads.engine.coerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Brings a value from a parsed body, a Jackson node or a plain Java value, to one of a few shapes: null, a
 * {@link String}, a {@link Boolean}, a finite {@link BigDecimal}, a {@code java.time} value, or an
 * {@link Opaque} that no scalar type accepts (objects, arrays, NaN, unknown classes).
 */
final class Values {

    private static final int SHOWN_CHARS = 60;

    /** A value no field type can take as it is; keeps only how to show it in a message. */
    record Opaque(String shown) {
    }

    private Values() {
    }

    static @Nullable Object normalise(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            return fromNode(node);
        }
        if (value instanceof String || value instanceof Boolean || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        if (value instanceof Number number) {
            return fromNumber(number);
        }
        if (value instanceof Instant || value instanceof LocalDate || value instanceof LocalDateTime
                || value instanceof OffsetDateTime || value instanceof ZonedDateTime || value instanceof LocalTime
                || value instanceof OffsetTime) {
            return value;
        }
        return new Opaque(shorten(String.valueOf(value)));
    }

    /** The items of an array, or null when the value is not one. */
    static @Nullable List<@Nullable Object> items(@Nullable Object value) {
        if (value instanceof JsonNode node && node.isArray()) {
            List<@Nullable Object> items = new ArrayList<>();
            node.forEach(items::add);
            return items;
        }
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        return null;
    }

    /** How a normalised value appears in an error message. */
    static String show(Object value) {
        if (value instanceof Opaque opaque) {
            return opaque.shown();
        }
        if (value instanceof BigDecimal decimal) {
            return shorten(decimal.toPlainString());
        }
        return shorten(value.toString());
    }

    private static @Nullable Object fromNode(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            if (node.isFloatingPointNumber() && !node.isBigDecimal() && !Double.isFinite(node.doubleValue())) {
                return new Opaque(node.asText());
            }
            return node.decimalValue();
        }
        if (node instanceof POJONode pojo) {
            return normalise(pojo.getPojo());
        }
        return new Opaque(shorten(node.toString()));
    }

    private static Object fromNumber(Number number) {
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (number instanceof Double || number instanceof Float) {
            // Float.toString keeps 0.1f as 0.1; widening to double first would give 0.10000000149011612.
            return Double.isFinite(number.doubleValue()) ? new BigDecimal(number.toString()) : new Opaque(number.toString());
        }
        try {
            return new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            return new Opaque(shorten(number.toString()));
        }
    }

    private static String shorten(String text) {
        if (text.length() <= SHOWN_CHARS) {
            return text;
        }
        return Texts.cut(text, SHOWN_CHARS) + "…";
    }
}
