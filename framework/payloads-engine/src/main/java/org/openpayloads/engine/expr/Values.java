package org.openpayloads.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Brings values read from a payload to the few shapes expressions work on: null, {@link String}, {@link Boolean},
 * {@link BigDecimal}, {@link List}, {@code java.time} values. Anything else (a JSON object, NaN) stays as it is and
 * no function accepts it as a scalar.
 */
final class Values {

    private static final int SHOWN_CHARS = 60;

    private Values() {
    }

    static @Nullable Object normalise(@Nullable Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof JsonNode node) {
            return fromNode(node);
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(value.toString()) : value;
        }
        if (value instanceof Collection<?> collection) {
            List<@Nullable Object> items = new ArrayList<>(collection.size());
            collection.forEach(item -> items.add(normalise(item)));
            return Collections.unmodifiableList(items);
        }
        return value;
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
            return (node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue()) ? node
                    : node.decimalValue();
        }
        if (node.isArray()) {
            List<@Nullable Object> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(fromNode(item)));
            return Collections.unmodifiableList(items);
        }
        return node;
    }

    /** The value as text when it is a scalar, or null when it is not one (a list, an object). */
    static @Nullable String asText(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Boolean || value instanceof TemporalAccessor) {
            return value.toString();
        }
        return null;
    }

    /** How a value appears in an error message: its kind, then the value, shortened. */
    static String describe(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return "text '" + shorten(text) + "'";
        }
        if (value instanceof BigDecimal number) {
            return "number " + shorten(number.toPlainString());
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            return "a list " + shorten(list.toString());
        }
        if (value instanceof JsonNode node && node.isObject()) {
            return "an object " + shorten(node.toString());
        }
        return "a value " + shorten(String.valueOf(value));
    }

    private static String shorten(String text) {
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "…";
    }
}
