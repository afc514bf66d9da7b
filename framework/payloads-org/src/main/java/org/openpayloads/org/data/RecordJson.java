package org.openpayloads.org.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.FieldType;
import org.openpayloads.org.schema.ObjectDefinition;

/** Writes records the way Salesforce's REST API shows them: {@code attributes} first, then the fields. */
public final class RecordJson {

    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private RecordJson() {
    }

    /** {@code {"type": "Account", "url": "/services/data/v62.0/sobjects/Account/001..."}}. */
    public static ObjectNode attributes(String objectName, String id, String version) {
        ObjectNode attributes = NODES.objectNode();
        attributes.put("type", objectName);
        attributes.put("url", "/services/data/" + version + "/sobjects/" + objectName + "/" + id);
        return attributes;
    }

    /** A whole record, or only the named fields (canonical names). */
    public static ObjectNode record(Record record, ObjectDefinition object, List<FieldDefinition> fields,
                                    String version) {
        ObjectNode node = NODES.objectNode();
        node.set("attributes", attributes(object.name(), record.id(), version));
        for (FieldDefinition field : fields) {
            node.set(field.name(), value(field, record.value(field.name())));
        }
        return node;
    }

    /** A typed value as JSON: numbers of non-integer fields keep a decimal point (23.0), as Salesforce's do. */
    public static JsonNode value(FieldDefinition field, @Nullable Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof BigDecimal d) {
            if (field.type() == FieldType.INT) {
                return NODES.numberNode(d.setScale(0, java.math.RoundingMode.HALF_UP).toBigInteger());
            }
            return NODES.numberNode(d.scale() < 1 ? d.setScale(1) : d);
        }
        if (value instanceof LocalDate date) {
            return NODES.textNode(Values.formatDate(date));
        }
        if (value instanceof OffsetDateTime time) {
            return NODES.textNode(Values.formatDateTime(time));
        }
        return NODES.textNode(value.toString());
    }
}
