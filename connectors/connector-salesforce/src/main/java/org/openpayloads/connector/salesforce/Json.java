package org.openpayloads.connector.salesforce;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON in and out of the REST API. */
final class Json {

    /**
     * Decimals as BigDecimal, so that a currency amount keeps its exact value, and its scale: the tree
     * model would otherwise turn 300.0 into 3E+2, which a text field would then show.
     */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private Json() {
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The parsed body; a missing node when it is empty or not JSON, so callers need not guard. */
    static JsonNode tree(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    /** Plain Java values, with Salesforce's per-record {@code attributes} metadata left out at every level. */
    static @Nullable Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, @Nullable Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getKey().equals("attributes")) {
                    map.put(field.getKey(), plain(field.getValue()));
                }
            }
            return map;
        }
        if (node.isArray()) {
            List<@Nullable Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(plain(element)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    /** A write's fields as JSON-ready values; refuses a value the REST API cannot take. */
    static Map<String, @Nullable Object> fields(String object, Map<String, @Nullable Object> fields) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        fields.forEach((name, value) -> json.put(name, value(object, name, value)));
        return json;
    }

    private static @Nullable Object value(String object, String field, @Nullable Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof BigDecimal
                || value instanceof BigInteger || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("field '" + field + "' of " + object + " was " + value
                        + "; expected a finite number");
            }
            return new BigDecimal(value.toString());
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof Instant instant) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        if (value instanceof OffsetDateTime dateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
        }
        if (value instanceof ZonedDateTime dateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime.toOffsetDateTime());
        }
        if (value instanceof Map<?, ?> parent) {
            // A parent named by its external id: {"Account": {"External_Id__c": "A-1"}}.
            Map<String, @Nullable Object> json = new LinkedHashMap<>();
            parent.forEach((k, v) -> json.put(String.valueOf(k), value(object, field + "." + k, v)));
            return json;
        }
        throw new IllegalArgumentException("field '" + field + "' of " + object + " has a value of type "
                + value.getClass().getName() + "; expected a string, number, boolean, LocalDate, Instant, "
                + "OffsetDateTime, or a map that names a parent by external id");
    }
}
