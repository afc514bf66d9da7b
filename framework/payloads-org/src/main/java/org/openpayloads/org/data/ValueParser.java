package org.openpayloads.org.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openpayloads.org.id.SalesforceId;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.FieldType;

/**
 * Reads one JSON value for a field into its typed form, or says what is wrong with it in Salesforce's words:
 * a value of the wrong JSON type is a {@code JSON_PARSER_ERROR}, a text too long {@code STRING_TOO_LONG}, and
 * so on. Empty text means null, as in Salesforce.
 */
final class ValueParser {

    private static final int MAX_INTEGER_DIGITS = 18;
    private static final int MAX_SCALE = 1000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    /** A typed value (possibly null), or the error that stands for it. */
    record Parsed(@Nullable Object value, @Nullable SfError error) {

        static Parsed ok(@Nullable Object value) {
            return new Parsed(value, null);
        }

        static Parsed fail(SfError error) {
            return new Parsed(null, error);
        }
    }

    private ValueParser() {
    }

    static Parsed parse(FieldDefinition field, JsonNode node) {
        if (node.isNull() || node.isTextual() && node.textValue().isEmpty()) {
            return Parsed.ok(field.type() == FieldType.BOOLEAN ? Boolean.FALSE : null);
        }
        if (node.isContainerNode()) {
            return Parsed.fail(wrongType(field, node));
        }
        return switch (field.type()) {
            case BOOLEAN -> node.isBoolean() ? Parsed.ok(node.booleanValue()) : Parsed.fail(wrongType(field, node));
            case INT, DOUBLE, CURRENCY, PERCENT -> number(field, node);
            case DATE -> date(field, node);
            case DATETIME -> dateTime(field, node);
            case REFERENCE, ID -> reference(field, node);
            default -> text(field, node);
        };
    }

    private static Parsed text(FieldDefinition field, JsonNode node) {
        String value = node.isNumber() ? node.decimalValue().toPlainString() : node.asText();
        if (value.length() > field.length()) {
            String shown = value.length() > 100 ? value.substring(0, 100) + "..." : value;
            return Parsed.fail(SfError.of("STRING_TOO_LONG", field.label() + ": data value too large: " + shown
                    + " (max length=" + field.length() + ")", field.name()));
        }
        if (field.type() == FieldType.EMAIL && !EMAIL.matcher(value).matches()) {
            return Parsed.fail(SfError.of("INVALID_EMAIL_ADDRESS", field.label() + ": invalid email address: "
                    + value, field.name()));
        }
        if (field.type() == FieldType.PICKLIST && field.restrictedPicklist()
                && !field.picklistValues().contains(value)) {
            return Parsed.fail(SfError.of("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", field.label()
                    + ": bad value for restricted picklist field: " + value, field.name()));
        }
        return Parsed.ok(value);
    }

    private static Parsed number(FieldDefinition field, JsonNode node) {
        BigDecimal value;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isTextual()) {
            try {
                value = new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                return Parsed.fail(wrongType(field, node));
            }
        } else {
            return Parsed.fail(wrongType(field, node));
        }
        // Checked before any rounding: 1e999999999 would otherwise expand to a billion digits.
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            return Parsed.fail(outOfRange(field, node.asText()));
        }
        if (value.scale() > MAX_SCALE) {
            value = BigDecimal.ZERO;
        }
        if (field.type() == FieldType.INT && value.stripTrailingZeros().scale() > 0) {
            return Parsed.fail(wrongType(field, node));
        }
        BigDecimal scaled = value.setScale(field.scale(), RoundingMode.HALF_UP);
        int integerDigits = scaled.precision() - scaled.scale();
        int allowed = field.type() == FieldType.INT ? 9 : field.precision() - field.scale();
        if (integerDigits > Math.max(allowed, 1)) {
            return Parsed.fail(outOfRange(field, value.toPlainString()));
        }
        return Parsed.ok(scaled);
    }

    private static SfError outOfRange(FieldDefinition field, String value) {
        return SfError.of("NUMBER_OUTSIDE_VALID_RANGE", field.label() + ": value outside of valid range on numeric "
                + "field: " + value, field.name());
    }

    private static Parsed date(FieldDefinition field, JsonNode node) {
        if (!node.isTextual()) {
            return Parsed.fail(wrongType(field, node));
        }
        String text = node.textValue().trim();
        try {
            return Parsed.ok(LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10)
                    : text));
        } catch (DateTimeParseException e) {
            return Parsed.fail(wrongType(field, node));
        }
    }

    private static Parsed dateTime(FieldDefinition field, JsonNode node) {
        if (!node.isTextual()) {
            return Parsed.fail(wrongType(field, node));
        }
        String text = node.textValue().trim();
        try {
            if (text.length() == 10) {
                return Parsed.ok(LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC));
            }
            var parsed = DATETIME.parse(text);
            OffsetDateTime value = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? OffsetDateTime.from(parsed)
                    : LocalDateTime.from(parsed).atOffset(ZoneOffset.UTC);
            return Parsed.ok(value.withOffsetSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Parsed.fail(wrongType(field, node));
        }
    }

    private static Parsed reference(FieldDefinition field, JsonNode node) {
        String text = node.asText().trim();
        return SalesforceId.parse(text).map(id -> Parsed.ok(id.value()))
                .orElseGet(() -> Parsed.fail(SfError.of("MALFORMED_ID", field.label() + ": id value of incorrect "
                        + "type: " + text, field.name())));
    }

    /** Salesforce's answer to a value of the wrong JSON type, which names the type it expected. */
    static SfError wrongType(FieldDefinition field, JsonNode node) {
        String token = node.isTextual() ? "VALUE_STRING" : node.isBoolean() ? "VALUE_" + node.asText()
                .toUpperCase(Locale.ROOT) : node.isIntegralNumber() ? "VALUE_NUMBER_INT" : node.isNumber()
                ? "VALUE_NUMBER_FLOAT" : node.isObject() ? "START_OBJECT" : "START_ARRAY";
        String shown = node.isContainerNode() ? "" : " value " + node.asText();
        return SfError.of("JSON_PARSER_ERROR", "Cannot deserialize instance of " + field.type().describeName()
                + " from " + token + shown + " or request may be missing a required field (field "
                + field.name() + ")", field.name());
    }
}
