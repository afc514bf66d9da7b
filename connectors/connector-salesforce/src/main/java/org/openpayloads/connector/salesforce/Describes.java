package org.openpayloads.connector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openpayloads.api.records.FieldDescription;
import org.openpayloads.api.records.ObjectDescription;

/** Reads {@code GET /sobjects/{object}/describe}. */
final class Describes {

    private Describes() {
    }

    static ObjectDescription parse(String asked, JsonNode describe) {
        String name = describe.path("name").asText(asked);
        Map<String, FieldDescription> fields = new LinkedHashMap<>();
        for (JsonNode field : describe.path("fields")) {
            FieldDescription description = field(field);
            fields.put(description.name(), description);
        }
        return new ObjectDescription(name, fields);
    }

    private static FieldDescription field(JsonNode field) {
        return new FieldDescription(
                field.path("name").asText(),
                field.path("type").asText("string"),
                Math.max(0, field.path("length").asInt(0)),
                field.path("nillable").asBoolean(false),
                field.path("createable").asBoolean(false),
                field.path("updateable").asBoolean(false),
                field.path("externalId").asBoolean(false),
                field.path("unique").asBoolean(false),
                activePicklistValues(field.path("picklistValues")),
                texts(field.path("referenceTo")));
    }

    /** Only active values: an inactive one is refused on write, so a mapping must not offer it. */
    private static List<String> activePicklistValues(JsonNode values) {
        List<String> active = new ArrayList<>();
        for (JsonNode value : values) {
            if (value.path("active").asBoolean(true) && value.hasNonNull("value")) {
                active.add(value.get("value").asText());
            }
        }
        return active;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
