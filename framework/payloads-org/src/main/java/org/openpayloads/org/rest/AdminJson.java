package org.openpayloads.org.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openpayloads.org.auth.ConnectedApps;
import org.openpayloads.org.auth.Users;
import org.openpayloads.org.data.RecordJson;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.FieldSpec;
import org.openpayloads.org.schema.ObjectDefinition;
import org.openpayloads.org.schema.ObjectSpec;

/** The admin API's JSON forms of objects, fields, apps and users, both ways. */
final class AdminJson {

    static final Set<String> FIELD_PROPERTIES = Set.of("name", "label", "type", "length", "precision", "scale",
            "required", "unique", "externalId", "picklistValues", "restrictedPicklist", "referenceTo",
            "relationshipName", "masterDetail");
    static final Set<String> OBJECT_PROPERTIES = Set.of("name", "label", "labelPlural", "fields");

    private AdminJson() {
    }

    static ObjectNode object(ObjectDefinition object) {
        ObjectNode node = RecordJson.NODES.objectNode();
        node.put("name", object.name());
        node.put("label", object.label());
        node.put("labelPlural", object.labelPlural());
        node.put("keyPrefix", object.keyPrefix());
        node.put("custom", object.custom());
        ArrayNode fields = node.putArray("fields");
        object.fields().forEach(f -> fields.add(field(f)));
        return node;
    }

    static ObjectNode field(FieldDefinition f) {
        ObjectNode node = RecordJson.NODES.objectNode();
        node.put("name", f.name());
        node.put("label", f.label());
        node.put("type", f.type().describeName());
        node.put("length", f.length());
        node.put("precision", f.precision());
        node.put("scale", f.scale());
        node.put("required", f.required());
        node.put("unique", f.unique());
        node.put("externalId", f.externalId());
        node.put("idLookup", f.idLookup());
        node.put("custom", f.custom());
        node.put("system", f.system());
        ArrayNode picklist = node.putArray("picklistValues");
        f.picklistValues().forEach(picklist::add);
        node.put("restrictedPicklist", f.restrictedPicklist());
        node.put("referenceTo", f.referenceTo());
        node.put("relationshipName", f.relationshipName());
        node.put("masterDetail", f.cascadeDelete());
        return node;
    }

    static FieldSpec fieldSpec(JsonNode node, String prefix, AdminInput input) {
        if (!node.isObject()) {
            input.problem(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    "Expected a JSON object describing a field");
            return FieldSpec.of("", "");
        }
        input.onlyKnown(node, prefix, FIELD_PROPERTIES);
        return new FieldSpec(input.text(node, "name", prefix), input.text(node, "label", prefix),
                input.text(node, "type", prefix), input.integer(node, "length", prefix),
                input.integer(node, "precision", prefix), input.integer(node, "scale", prefix),
                input.bool(node, "required", prefix), input.bool(node, "unique", prefix),
                input.bool(node, "externalId", prefix), input.texts(node, "picklistValues", prefix),
                input.bool(node, "restrictedPicklist", prefix), input.text(node, "referenceTo", prefix),
                input.text(node, "relationshipName", prefix), input.bool(node, "masterDetail", prefix));
    }

    static ObjectSpec objectSpec(JsonNode node, AdminInput input) {
        input.onlyKnown(node, "", OBJECT_PROPERTIES);
        List<FieldSpec> fields = new ArrayList<>();
        JsonNode list = node.get("fields");
        if (list != null && !list.isNull() && !list.isArray()) {
            input.problem("fields", "Expected an array of fields, got " + list);
        } else if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                fields.add(fieldSpec(list.get(i), "fields[" + i + "].", input));
            }
        }
        return new ObjectSpec(input.text(node, "name", ""), input.text(node, "label", ""),
                input.text(node, "labelPlural", ""), fields);
    }

    static ObjectNode app(ConnectedApps.ConnectedApp app) {
        ObjectNode node = RecordJson.NODES.objectNode();
        node.put("name", app.name());
        node.put("clientId", app.clientId());
        node.put("createdAt", app.createdAt().toString());
        return node;
    }

    static ObjectNode user(Users.UserInfo user) {
        ObjectNode node = RecordJson.NODES.objectNode();
        node.put("id", user.id());
        node.put("username", user.username());
        node.put("email", user.email());
        node.put("firstName", user.firstName());
        node.put("lastName", user.lastName());
        node.put("active", user.active());
        return node;
    }

    static ObjectNode items(List<ObjectNode> items) {
        ObjectNode node = RecordJson.NODES.objectNode();
        ArrayNode array = node.putArray("items");
        items.forEach(array::add);
        return node;
    }
}
