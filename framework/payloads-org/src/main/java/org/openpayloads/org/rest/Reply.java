package org.openpayloads.org.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openpayloads.org.data.RecordJson;
import org.openpayloads.org.data.SfError;

/** An answer before it becomes bytes: composite requests read sub-answers' bodies as JSON. */
record Reply(int status, Map<String, String> headers, @Nullable JsonNode body) {

    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply json(int status, JsonNode body) {
        return new Reply(status, Map.of(), body);
    }

    static Reply noContent() {
        return new Reply(204, Map.of(), null);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Reply(status, all, body);
    }

    /** Salesforce's error list: {@code [{"message","errorCode","fields"?}]}; fields only when there are some. */
    static Reply errors(int status, List<SfError> errors) {
        ArrayNode array = RecordJson.NODES.arrayNode();
        for (SfError error : errors) {
            ObjectNode node = array.addObject();
            node.put("message", error.message());
            node.put("errorCode", error.code());
            if (!error.fields().isEmpty()) {
                ArrayNode fields = node.putArray("fields");
                error.fields().forEach(fields::add);
            }
        }
        return json(status, array);
    }

    static Reply error(int status, String code, String message) {
        return errors(status, List.of(SfError.of(code, message)));
    }

    static Reply notFound() {
        return error(404, "NOT_FOUND", "The requested resource does not exist");
    }

    static Reply noSuchKeyField(String name) {
        return error(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + name);
    }

    static Reply methodNotAllowed(String method, String allowed) {
        return error(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + method + "' not allowed. Allowed are " + allowed)
                .withHeader("Allow", allowed);
    }

    static Reply malformed(String message) {
        return error(400, "JSON_PARSER_ERROR", message);
    }

    /** The admin API's error: {@code {"error":{"code","message","fields":[{"field","message"}]}}}. */
    static Reply admin(int status, String code, String message, Map<String, String> fields) {
        ObjectNode root = RecordJson.NODES.objectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        ArrayNode list = error.putArray("fields");
        fields.forEach((field, text) -> list.addObject().put("field", field).put("message", text));
        return json(status, root);
    }
}
