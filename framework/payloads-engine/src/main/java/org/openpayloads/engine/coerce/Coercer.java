package org.openpayloads.engine.coerce;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.records.FieldDescription;

/**
 * Turns a mapped value into what a Salesforce field of a given describe type accepts: a {@link String}, a
 * {@link Boolean}, a {@link Long} (int and long fields), a {@link BigDecimal} (double, currency, percent) or null.
 *
 * <p>Values come from parsed bodies, as Jackson nodes or plain Java values. Null and missing values give null, and
 * so does a blank text for any type but a text one; whether null is allowed is decided elsewhere. Numbers are read
 * as epoch seconds by date and datetime fields. Types this class does not know (base64, address, anyType…) take
 * texts, numbers and booleans unchanged.
 *
 * <p>Stateless and thread-safe.
 */
public final class Coercer {

    private static final Set<String> TEXT_TYPES = Set.of("string", "textarea", "encryptedstring", "combobox");
    private static final Set<String> CHECKED_TYPES = Set.of("boolean", "int", "long", "double", "currency", "percent",
            "date", "datetime", "time", "email", "phone", "url", "picklist", "multipicklist", "id", "reference");
    /** Plain decimal notation with an optional short exponent; ASCII digits only, no grouping, no NaN. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
    private static final String BOOLEAN_EXPECTED = "true or false (or yes/no, 1/0)";

    /**
     * The value to send to the field.
     *
     * @throws CoercionException when the field's type cannot take the value; the message names the element path,
     *     the field, the value and the expected type
     */
    public @Nullable Object coerce(@Nullable Object value, FieldDescription field, CoercionContext context) {
        String type = field.type().toLowerCase(Locale.ROOT);
        Object normal = Values.normalise(value);
        if (normal == null) {
            return null;
        }
        Attempt attempt = new Attempt(normal, field, context);
        if (type.equals("multipicklist")) {
            return Formats.multiPicklist(attempt, Values.items(value));
        }
        if (normal instanceof String text && text.isBlank() && CHECKED_TYPES.contains(type)) {
            return null;
        }
        if (TEXT_TYPES.contains(type)) {
            return text(attempt);
        }
        return switch (type) {
            case "boolean" -> bool(attempt);
            case "int" -> whole(attempt, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE));
            case "long" -> whole(attempt, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
            case "double", "currency", "percent" -> decimal(attempt, "a number");
            case "date" -> Temporals.date(attempt);
            case "datetime" -> Temporals.dateTime(attempt);
            case "time" -> Temporals.time(attempt);
            case "email" -> Formats.email(attempt);
            case "phone" -> Formats.phone(attempt);
            case "url" -> Formats.url(attempt);
            case "id", "reference" -> Formats.id(attempt);
            case "picklist" -> Formats.picklist(attempt);
            default -> passThrough(attempt);
        };
    }

    private static String text(Attempt attempt) {
        Object value = attempt.value();
        String text = value instanceof TemporalAccessor ? value.toString() : Formats.scalarText(attempt, "text");
        if (text.indexOf('\u0000') >= 0) {
            // Salesforce, and the databases behind the embedded org, keep no NUL in text.
            throw attempt.fail("text without NUL characters");
        }
        return attempt.fit(text, true);
    }

    private static Boolean bool(Attempt attempt) {
        Object value = attempt.value();
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String text) {
            switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> {
                    return Boolean.TRUE;
                }
                case "false", "no", "0" -> {
                    return Boolean.FALSE;
                }
                default -> throw attempt.fail(BOOLEAN_EXPECTED);
            }
        }
        if (value instanceof BigDecimal number) {
            if (number.compareTo(BigDecimal.ONE) == 0) {
                return Boolean.TRUE;
            }
            if (number.signum() == 0) {
                return Boolean.FALSE;
            }
        }
        throw attempt.fail(BOOLEAN_EXPECTED);
    }

    private static Long whole(Attempt attempt, BigInteger min, BigInteger max) {
        BigDecimal number = decimal(attempt, "a whole number");
        BigInteger whole;
        try {
            whole = number.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw attempt.fail("a whole number");
        }
        if (whole.compareTo(min) < 0 || whole.compareTo(max) > 0) {
            throw attempt.fail("a whole number between " + min + " and " + max);
        }
        return whole.longValueExact();
    }

    private static BigDecimal decimal(Attempt attempt, String expected) {
        Object value = attempt.value();
        BigDecimal number;
        if (value instanceof BigDecimal decimal) {
            number = decimal;
        } else if (value instanceof String text && NUMBER.matcher(text.strip()).matches()) {
            number = new BigDecimal(text.strip());
        } else {
            throw attempt.fail(expected);
        }
        // 3E+2 is valid JSON, but not every reader of the request takes it; send 300.
        return number.scale() < 0 ? number.setScale(0) : number;
    }

    private static Object passThrough(Attempt attempt) {
        Object value = attempt.value();
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof BigDecimal number) {
            return number.scale() < 0 ? number.setScale(0) : number;
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        throw attempt.fail("a text, number or boolean");
    }
}
