package org.openpayloads.org.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openpayloads.org.data.ParsedRecord;
import org.openpayloads.org.data.RecordCodec;
import org.openpayloads.org.data.RecordJson;
import org.openpayloads.org.data.RecordParser;
import org.openpayloads.org.data.SfError;
import org.openpayloads.org.data.WriteOp;
import org.openpayloads.org.data.WriteResult;
import org.openpayloads.org.db.RecordEntity;
import org.openpayloads.org.id.SalesforceId;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.ObjectDefinition;
import org.openpayloads.org.schema.SchemaSnapshot;

/**
 * sObject Collections ({@code /composite/sobjects}): up to 200 records per request, one transaction, a
 * result per record ({@code errors} items carry {@code statusCode}), and allOrNone.
 */
final class CollectionsEndpoint {

    static final int MAX_RECORDS = 200;

    private final OrgServices org;

    CollectionsEndpoint(OrgServices org) {
        this.org = org;
    }

    /** @param call whose path is {@code composite/sobjects[/Object[/Field]]} */
    Reply handle(Call call) {
        List<String> path = call.path();
        if (path.size() == 2) {
            return switch (call.method()) {
                case "POST" -> write(call, null, null);
                case "PATCH" -> write(call, null, null);
                case "DELETE" -> delete(call);
                default -> Reply.methodNotAllowed(call.method(), "POST,PATCH,DELETE");
            };
        }
        Optional<ObjectDefinition> object = call.schema().object(path.get(2));
        if (object.isEmpty() || path.size() > 4) {
            return Reply.notFound();
        }
        if (path.size() == 3) {
            return call.method().equals("GET") || call.method().equals("POST") ? retrieve(call, object.get())
                    : Reply.methodNotAllowed(call.method(), "GET,POST");
        }
        if (!call.method().equals("PATCH")) {
            return Reply.methodNotAllowed(call.method(), "PATCH");
        }
        Optional<FieldDefinition> key = object.get().field(path.get(3)).filter(FieldDefinition::isUpsertKey);
        return key.map(k -> write(call, object.get(), k)).orElseGet(() -> Reply.noSuchKeyField(path.get(3)));
    }

    /** Create (POST), update (PATCH) or upsert (PATCH with an object and key field). */
    private Reply write(Call call, ObjectDefinition upsertObject, FieldDefinition upsertKey) {
        JsonNode body;
        try {
            body = Json.parse(call.request().body());
        } catch (Json.Malformed e) {
            return Reply.malformed(e.getMessage());
        }
        JsonNode records = body.path("records");
        if (!body.isObject() || !records.isArray()) {
            return Reply.malformed("Expected a JSON object with a records array: {\"allOrNone\": false, "
                    + "\"records\": [...]}");
        }
        if (records.size() > MAX_RECORDS) {
            return tooMany();
        }
        JsonNode allOrNoneNode = body.path("allOrNone");
        if (!allOrNoneNode.isMissingNode() && !allOrNoneNode.isBoolean()) {
            return Reply.malformed("Cannot deserialize instance of boolean from " + allOrNoneNode.getNodeType()
                    + " value " + allOrNoneNode + " (field allOrNone)");
        }
        List<WriteOp> ops = new ArrayList<>();
        for (JsonNode record : records) {
            ops.add(upsertObject != null ? upsertOp(call.schema(), record, upsertObject, upsertKey)
                    : call.method().equals("POST") ? createOp(call.schema(), record) : updateOp(call.schema(), record));
        }
        List<WriteResult> results = ops.isEmpty() ? List.of() : org.writes().write(call.schema(), ops,
                allOrNoneNode.asBoolean(false), call.userId(), call.tx());
        return Reply.json(200, results(results));
    }

    private static WriteOp createOp(SchemaSnapshot schema, JsonNode record) {
        Optional<ObjectDefinition> object = typeOf(schema, record);
        if (object.isEmpty()) {
            return WriteOp.failed(placeholder(schema), unknownType(record));
        }
        ParsedRecord input = RecordParser.parse(record, object.get(), schema);
        if (input.id() != null) {
            return WriteOp.failed(object.get(), SfError.of("INVALID_FIELD", "cannot specify Id in an insert call",
                    "Id"));
        }
        return WriteOp.create(object.get(), input);
    }

    private static WriteOp updateOp(SchemaSnapshot schema, JsonNode record) {
        String idText = record.path("Id").isTextual() ? record.path("Id").textValue() : null;
        Optional<SalesforceId> id = idText == null ? Optional.empty() : SalesforceId.parse(idText);
        boolean typed = record.path("attributes").path("type").isTextual();
        Optional<ObjectDefinition> object = typed ? typeOf(schema, record) : id.flatMap(i ->
                schema.byKeyPrefix(i.keyPrefix()));
        if (object.isEmpty()) {
            return WriteOp.failed(placeholder(schema), unknownType(record));
        }
        if (idText == null) {
            return WriteOp.failed(object.get(), SfError.of("MISSING_ARGUMENT", "Id not specified in an update call",
                    "Id"));
        }
        if (id.isEmpty()) {
            return WriteOp.failed(object.get(), SfError.of("MALFORMED_ID", "Id: malformed id " + idText, "Id"));
        }
        return WriteOp.update(object.get(), RecordParser.parse(record, object.get(), schema), id.get().value());
    }

    private static WriteOp upsertOp(SchemaSnapshot schema, JsonNode record, ObjectDefinition object,
                                    FieldDefinition key) {
        ParsedRecord input = RecordParser.parse(record, object, schema);
        if (key.name().equals("Id")) {
            if (input.id() == null) {
                return WriteOp.upsert(object, input, key, null);
            }
            Optional<SalesforceId> id = SalesforceId.parse(input.id());
            return id.isEmpty() ? WriteOp.failed(object, SfError.of("MALFORMED_ID", "Id: malformed id "
                    + input.id(), "Id")) : WriteOp.upsert(object, input, key, id.get().value());
        }
        return WriteOp.upsert(object, input, key, input.values().get(key.name()));
    }

    private Reply delete(Call call) {
        List<String> ids = call.request().parameter("ids").map(v -> Arrays.stream(v.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
        if (ids.isEmpty()) {
            return Reply.error(400, "REQUIRED_FIELD_MISSING", "At least 1 Id is required.");
        }
        if (ids.size() > MAX_RECORDS) {
            return tooMany();
        }
        boolean allOrNone = call.request().parameter("allOrNone").map(Boolean::parseBoolean).orElse(false);
        return Reply.json(200, results(org.deletes().delete(call.schema(), ids, Optional.empty(), allOrNone,
                call.tx())));
    }

    /** {@code GET /composite/sobjects/Account?ids=...&fields=...}: the records in order, null where missing. */
    private Reply retrieve(Call call, ObjectDefinition object) {
        JsonNode body = null;
        if (call.method().equals("POST")) {
            try {
                body = Json.parse(call.request().body());
            } catch (Json.Malformed e) {
                return Reply.malformed(e.getMessage());
            }
        }
        List<String> ids = body != null ? textList(body.path("ids")) : call.request().parameter("ids")
                .map(v -> List.of(v.split(","))).orElse(List.of());
        List<String> fieldNames = body != null ? textList(body.path("fields")) : call.request().parameter("fields")
                .map(v -> List.of(v.split(","))).orElse(List.of());
        if (ids.isEmpty() || fieldNames.isEmpty()) {
            return Reply.error(400, "REQUIRED_FIELD_MISSING", ids.isEmpty() ? "At least 1 Id is required."
                    : "At least 1 field is required.");
        }
        if (ids.size() > 2000) {
            return tooMany();
        }
        List<FieldDefinition> fields = new ArrayList<>();
        for (String name : fieldNames) {
            Optional<FieldDefinition> field = object.field(name.trim());
            if (field.isEmpty()) {
                return Reply.errors(400, List.of(SfError.invalidField(name.trim(), object.name())));
            }
            fields.add(field.get());
        }
        List<String> canonical = ids.stream().map(i -> SalesforceId.parse(i.trim()).map(SalesforceId::value)
                .orElse(i)).toList();
        return call.tx().read(session -> {
            java.util.Map<String, RecordEntity> found = new java.util.HashMap<>();
            org.records().bySfIds(session, canonical).stream().filter(r -> r.objectName.equals(object.name()))
                    .forEach(r -> found.put(r.sfId, r));
            ArrayNode array = RecordJson.NODES.arrayNode();
            for (String id : canonical) {
                RecordEntity entity = found.get(id);
                array.add(entity == null ? RecordJson.NODES.nullNode() : RecordJson.record(
                        RecordCodec.record(entity, object), object, fields, call.version()));
            }
            return Reply.json(200, array);
        });
    }

    static ArrayNode results(List<WriteResult> results) {
        ArrayNode array = RecordJson.NODES.arrayNode();
        for (WriteResult result : results) {
            ObjectNode node = array.addObject();
            if (result.id() != null) {
                node.put("id", result.id());
            }
            node.put("success", result.success());
            ArrayNode errors = node.putArray("errors");
            for (SfError error : result.errors()) {
                ObjectNode e = errors.addObject();
                e.put("statusCode", error.code());
                e.put("message", error.message());
                ArrayNode fields = e.putArray("fields");
                error.fields().forEach(fields::add);
            }
            if (result.created() != null) {
                node.put("created", result.created());
            }
        }
        return array;
    }

    private static Optional<ObjectDefinition> typeOf(SchemaSnapshot schema, JsonNode record) {
        JsonNode type = record.path("attributes").path("type");
        return type.isTextual() ? schema.object(type.textValue()) : Optional.empty();
    }

    private static SfError unknownType(JsonNode record) {
        JsonNode type = record.path("attributes").path("type");
        return type.isTextual() ? SfError.of("INVALID_TYPE", "sObject type '" + type.textValue() + "' is not "
                + "supported.") : SfError.of("INVALID_TYPE", "Must send a concrete entity type.");
    }

    /** Any object: a failed op still needs one, though nothing of it is used. */
    private static ObjectDefinition placeholder(SchemaSnapshot schema) {
        return schema.objects().get(0);
    }

    private static List<String> textList(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Reply tooMany() {
        return Reply.error(400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than " + MAX_RECORDS
                + " records into this call");
    }
}
