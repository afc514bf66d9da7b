package org.openpayloads.org.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.openpayloads.org.db.RecordEntity;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.ObjectDefinition;

/**
 * Turns typed values into the JSON data column and back. Dates and date-times are ISO strings, numbers are
 * JSON numbers; a value of a field that no longer exists is skipped on reading.
 */
public final class RecordCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private RecordCodec() {
    }

    public static String encode(Map<String, Object> values) {
        ObjectNode node = NODES.objectNode();
        values.forEach((name, value) -> {
            if (value instanceof String s) {
                node.put(name, s);
            } else if (value instanceof Boolean b) {
                node.put(name, b);
            } else if (value instanceof BigDecimal d) {
                node.put(name, d);
            } else if (value instanceof LocalDate date) {
                node.put(name, date.toString());
            } else if (value instanceof OffsetDateTime time) {
                node.put(name, time.toInstant().toString());
            } else if (value != null) {
                throw new IllegalArgumentException("Field " + name + " holds a " + value.getClass().getName()
                        + "; expected a String, Boolean, BigDecimal, LocalDate or OffsetDateTime");
            }
        });
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a record's values as JSON", e);
        }
    }

    public static Map<String, Object> decode(String data, ObjectDefinition object) {
        JsonNode node;
        try {
            node = MAPPER.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A record's data column is not JSON: " + e.getOriginalMessage(), e);
        }
        Map<String, Object> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            object.field(entry.getKey()).filter(f -> f.name().equals(entry.getKey()))
                    .ifPresent(f -> values.put(f.name(), typed(f, entry.getValue())));
        }
        return values;
    }

    public static Record record(RecordEntity entity, ObjectDefinition object) {
        return new Record(entity.id, entity.objectName, entity.sfId, decode(entity.data, object), entity.ownerId,
                entity.createdById, entity.createdDate, entity.lastModifiedById, entity.lastModifiedDate,
                entity.systemModstamp);
    }

    private static Object typed(FieldDefinition field, JsonNode value) {
        return switch (field.type()) {
            case BOOLEAN -> value.booleanValue();
            case INT, DOUBLE, CURRENCY, PERCENT -> value.decimalValue();
            case DATE -> LocalDate.parse(value.textValue());
            case DATETIME -> OffsetDateTime.parse(value.textValue()).withOffsetSameInstant(ZoneOffset.UTC);
            default -> value.asText();
        };
    }
}
