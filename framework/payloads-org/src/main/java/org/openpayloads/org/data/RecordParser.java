package org.openpayloads.org.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.ObjectDefinition;
import org.openpayloads.org.schema.SchemaSnapshot;

/** Reads record bodies against an object's fields, collecting every problem. */
public final class RecordParser {

    private RecordParser() {
    }

    public static ParsedRecord parse(JsonNode body, ObjectDefinition object, SchemaSnapshot schema) {
        if (!body.isObject()) {
            return ParsedRecord.failed(SfError.of("JSON_PARSER_ERROR", "Cannot deserialize instance of "
                    + object.name() + " from " + (body.isArray() ? "START_ARRAY" : "a " + body.getNodeType()
                    .name().toLowerCase(java.util.Locale.ROOT)) + "; expected a JSON object of field values"));
        }
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        List<ParsedRecord.ForeignKey> foreignKeys = new ArrayList<>();
        List<SfError> errors = new ArrayList<>();
        String id = null;
        String type = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (name.equals("attributes")) {
                type = value.path("type").isTextual() ? value.path("type").textValue() : null;
                continue;
            }
            if (name.equalsIgnoreCase("Id")) {
                id = value.isNull() ? null : value.asText();
                continue;
            }
            Optional<FieldDefinition> field = object.field(name);
            if (field.isEmpty()) {
                relationship(object, name, value, schema).ifPresentOrElse(foreignKeys::add,
                        () -> errors.add(unknown(object, name, value, schema)));
                continue;
            }
            FieldDefinition f = field.get();
            if (!f.writable()) {
                errors.add(SfError.of("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: "
                        + f.name() + ". Please check the security settings of this field and verify that it is "
                        + "read/write for your profile or permission set.", f.name()));
                continue;
            }
            ValueParser.Parsed parsed = ValueParser.parse(f, value);
            if (parsed.error() != null) {
                errors.add(parsed.error());
            } else {
                values.put(f.name(), parsed.value());
            }
        }
        return new ParsedRecord(values, id, foreignKeys, errors, type);
    }

    /** A key value given as text, as in a URL: typed for the field, or the error that stands for it. */
    public record KeyValue(@Nullable Object value, @Nullable SfError error) {
    }

    public static KeyValue keyValue(FieldDefinition field, String text) {
        ValueParser.Parsed parsed = ValueParser.parse(field, com.fasterxml.jackson.databind.node.TextNode.valueOf(text));
        return new KeyValue(parsed.value(), parsed.error());
    }

    private static Optional<ParsedRecord.ForeignKey> relationship(ObjectDefinition object, String name, JsonNode value,
                                                                  SchemaSnapshot schema) {
        Optional<FieldDefinition> reference = object.relationship(name);
        if (reference.isEmpty() || !value.isObject() || reference.get().referenceTo() == null) {
            return Optional.empty();
        }
        Optional<ObjectDefinition> parent = schema.object(reference.get().referenceTo());
        List<Map.Entry<String, JsonNode>> keys = new ArrayList<>();
        value.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("attributes")) {
                keys.add(e);
            }
        });
        if (parent.isEmpty() || keys.size() != 1) {
            return Optional.empty();
        }
        Optional<FieldDefinition> keyField = parent.get().field(keys.get(0).getKey())
                .filter(FieldDefinition::isUpsertKey);
        if (keyField.isEmpty()) {
            return Optional.empty();
        }
        ValueParser.Parsed key = ValueParser.parse(keyField.get(), keys.get(0).getValue());
        if (key.error() != null || key.value() == null) {
            return Optional.empty();
        }
        return Optional.of(new ParsedRecord.ForeignKey(reference.get(), parent.get().name(), keyField.get().name(),
                key.value()));
    }

    private static SfError unknown(ObjectDefinition object, String name, JsonNode value, SchemaSnapshot schema) {
        Optional<FieldDefinition> reference = object.relationship(name);
        if (reference.isPresent() && value.isObject()) {
            return SfError.of("INVALID_FIELD", "The relationship " + name + " of " + object.name() + " needs one "
                    + "external id field of " + reference.get().referenceTo() + " with a value, such as {\""
                    + "Ext_Id__c\": \"42\"}", reference.get().name());
        }
        return SfError.invalidField(name, object.name());
    }
}
