package org.openpayloads.org.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openpayloads.org.data.ParsedRecord;
import org.openpayloads.org.data.RecordCodec;
import org.openpayloads.org.data.RecordJson;
import org.openpayloads.org.data.RecordParser;
import org.openpayloads.org.data.RecordRepository;
import org.openpayloads.org.data.SfError;
import org.openpayloads.org.data.Values;
import org.openpayloads.org.data.WriteOp;
import org.openpayloads.org.data.WriteResult;
import org.openpayloads.org.id.SalesforceId;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.ObjectDefinition;

/** {@code /sobjects}: describes, and single records by Id or by external id. */
final class SObjectEndpoints {

    /** The first API version whose upsert answers 200 with {@code created:false} instead of 204. */
    private static final int CREATED_FLAG_VERSION = 46;

    private final OrgServices org;

    SObjectEndpoints(OrgServices org) {
        this.org = org;
    }

    Reply handle(Call call) {
        List<String> path = call.path();
        if (path.size() == 1) {
            return call.method().equals("GET") ? Reply.json(200, Describe.global(call.schema(), call.version()))
                    : Reply.methodNotAllowed(call.method(), "GET");
        }
        Optional<ObjectDefinition> found = call.schema().object(path.get(1));
        if (found.isEmpty() || path.size() > 4) {
            return Reply.notFound();
        }
        ObjectDefinition object = found.get();
        if (path.size() == 2) {
            return switch (call.method()) {
                case "GET" -> Reply.json(200, basicInfo(object, call.version()));
                case "POST" -> create(call, object);
                default -> Reply.methodNotAllowed(call.method(), "GET,POST");
            };
        }
        if (path.size() == 3 && path.get(2).equals("describe")) {
            return call.method().equals("GET") ? Reply.json(200, Describe.object(object, call.schema(),
                    call.version())) : Reply.methodNotAllowed(call.method(), "GET");
        }
        if (path.size() == 3) {
            return switch (call.method()) {
                case "GET" -> byId(call, object, path.get(2)).map(id -> get(call, object, id))
                        .orElseGet(() -> Reply.noSuchKeyField(path.get(2)));
                case "PATCH" -> byId(call, object, path.get(2)).map(id -> update(call, object, id))
                        .orElseGet(() -> Reply.noSuchKeyField(path.get(2)));
                case "DELETE" -> byId(call, object, path.get(2)).map(id -> delete(call, object, id))
                        .orElseGet(() -> Reply.noSuchKeyField(path.get(2)));
                default -> Reply.methodNotAllowed(call.method(), "GET,PATCH,DELETE");
            };
        }
        return byKey(call, object, path.get(2), path.get(3));
    }

    private static ObjectNode basicInfo(ObjectDefinition object, String version) {
        ObjectNode node = RecordJson.NODES.objectNode();
        node.set("objectDescribe", Describe.summary(object, version));
        node.putArray("recentItems");
        return node;
    }

    private static Optional<String> byId(Call call, ObjectDefinition object, String text) {
        return SalesforceId.parse(text).filter(id -> id.keyPrefix().equals(object.keyPrefix()))
                .map(SalesforceId::value);
    }

    private Reply create(Call call, ObjectDefinition object) {
        Optional<ParsedRecord> input = body(call, object);
        if (input.isEmpty()) {
            return malformedBody(call);
        }
        if (input.get().id() != null) {
            return Reply.error(400, "INVALID_FIELD", "cannot specify Id in an insert call");
        }
        if (!input.get().valid()) {
            return Reply.errors(400, input.get().errors());
        }
        WriteResult result = write(call, WriteOp.create(object, input.get()));
        if (!result.success()) {
            return failure(result);
        }
        return Reply.json(201, saveResult(result, false)).withHeader("Location", recordUrl(call, object,
                result.id()));
    }

    private Reply get(Call call, ObjectDefinition object, String id) {
        List<FieldDefinition> fields = new ArrayList<>(object.fields());
        Optional<String> wanted = call.request().parameter("fields");
        if (wanted.isPresent() && !wanted.get().isBlank()) {
            fields.clear();
            for (String name : wanted.get().split(",")) {
                Optional<FieldDefinition> field = object.field(name.trim());
                if (field.isEmpty()) {
                    return Reply.errors(400, List.of(SfError.invalidField(name.trim(), object.name())));
                }
                fields.add(field.get());
            }
        }
        return call.tx().read(session -> org.records().bySfIds(session, List.of(id)).stream()
                .filter(r -> r.objectName.equals(object.name())).findFirst()
                .map(e -> Reply.json(200, RecordJson.record(RecordCodec.record(e, object), object, fields,
                        call.version()))).orElseGet(Reply::notFound));
    }

    private Reply update(Call call, ObjectDefinition object, String id) {
        Optional<ParsedRecord> input = body(call, object);
        if (input.isEmpty()) {
            return malformedBody(call);
        }
        if (!input.get().valid()) {
            return Reply.errors(400, input.get().errors());
        }
        WriteResult result = write(call, WriteOp.update(object, input.get(), id));
        return result.success() ? Reply.noContent() : failure(result);
    }

    private Reply delete(Call call, ObjectDefinition object, String id) {
        WriteResult result = org.deletes().delete(call.schema(), List.of(id), Optional.of(object.name()), true,
                call.tx()).get(0);
        return result.success() ? Reply.noContent() : failure(result);
    }

    private Reply byKey(Call call, ObjectDefinition object, String fieldName, String value) {
        Optional<FieldDefinition> field = object.field(fieldName).filter(FieldDefinition::isUpsertKey);
        if (field.isEmpty()) {
            return Reply.noSuchKeyField(fieldName);
        }
        FieldDefinition key = field.get();
        if (call.method().equals("PATCH")) {
            return upsert(call, object, key, value);
        }
        if (!call.method().equals("GET") && !call.method().equals("DELETE")) {
            return Reply.methodNotAllowed(call.method(), "GET,PATCH,DELETE");
        }
        List<String> ids = key.name().equals("Id") ? byId(call, object, value).map(List::of).orElse(List.of())
                : RecordParser.keyValue(key, value).value() == null ? List.of() : call.tx().read(session ->
                org.records().keyHits(session, object.name(), key.name(), List.of(Values.normalize(key,
                        RecordParser.keyValue(key, value).value()))).stream().map(RecordRepository.KeyHit::sfId)
                        .toList());
        if (ids.size() > 1) {
            return multipleChoices(call, object, ids);
        }
        if (ids.isEmpty()) {
            return Reply.notFound();
        }
        return call.method().equals("GET") ? get(call, object, ids.get(0)) : delete(call, object, ids.get(0));
    }

    private Reply upsert(Call call, ObjectDefinition object, FieldDefinition key, String value) {
        Optional<ParsedRecord> input = body(call, object);
        if (input.isEmpty()) {
            return malformedBody(call);
        }
        Object keyValue;
        if (key.name().equals("Id")) {
            Optional<String> id = byId(call, object, value);
            if (id.isEmpty()) {
                return Reply.noSuchKeyField(value);
            }
            keyValue = id.get();
        } else {
            RecordParser.KeyValue parsed = RecordParser.keyValue(key, value);
            if (parsed.error() != null || parsed.value() == null) {
                return Reply.errors(400, List.of(parsed.error() != null ? parsed.error()
                        : SfError.of("MISSING_ARGUMENT", key.name() + " not specified", key.name())));
            }
            keyValue = parsed.value();
        }
        if (!input.get().valid()) {
            return Reply.errors(400, input.get().errors());
        }
        WriteResult result = write(call, WriteOp.upsert(object, input.get(), key, keyValue));
        if (!result.matches().isEmpty()) {
            return multipleChoices(call, object, result.matches());
        }
        if (!result.success()) {
            return failure(result);
        }
        boolean flag = call.apiVersion() >= CREATED_FLAG_VERSION;
        if (Boolean.TRUE.equals(result.created())) {
            return Reply.json(201, saveResult(result, flag)).withHeader("Location", recordUrl(call, object,
                    result.id()));
        }
        return flag ? Reply.json(200, saveResult(result, true)) : Reply.noContent();
    }

    private WriteResult write(Call call, WriteOp op) {
        return org.writes().write(call.schema(), List.of(op), true, call.userId(), call.tx()).get(0);
    }

    /** The body as a record, or empty when it is not JSON. */
    private static Optional<ParsedRecord> body(Call call, ObjectDefinition object) {
        try {
            JsonNode body = Json.parse(call.request().body());
            return Optional.of(RecordParser.parse(body, object, call.schema()));
        } catch (Json.Malformed e) {
            return Optional.empty();
        }
    }

    private static Reply malformedBody(Call call) {
        try {
            Json.parse(call.request().body());
            return Reply.malformed("The request body is not a JSON object");
        } catch (Json.Malformed e) {
            return Reply.malformed(e.getMessage());
        }
    }

    static Reply failure(WriteResult result) {
        boolean gone = result.errors().stream().anyMatch(e -> e.code().equals("ENTITY_IS_DELETED")
                || e.code().equals("NOT_FOUND"));
        return gone ? Reply.notFound() : Reply.errors(400, result.errors());
    }

    static ObjectNode saveResult(WriteResult result, boolean withCreated) {
        ObjectNode node = RecordJson.NODES.objectNode();
        node.put("id", result.id());
        node.put("success", true);
        node.putArray("errors");
        if (withCreated && result.created() != null) {
            node.put("created", result.created());
        }
        return node;
    }

    private static Reply multipleChoices(Call call, ObjectDefinition object, List<String> ids) {
        ArrayNode urls = RecordJson.NODES.arrayNode();
        ids.forEach(id -> urls.add(recordUrl(call, object, id)));
        return Reply.json(300, urls);
    }

    static String recordUrl(Call call, ObjectDefinition object, String id) {
        return "/services/data/" + call.version() + "/sobjects/" + object.name() + "/" + id;
    }
}
