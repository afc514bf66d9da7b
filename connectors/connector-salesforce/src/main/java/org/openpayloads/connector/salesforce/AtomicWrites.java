package org.openpayloads.connector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.records.RecordError;
import org.openpayloads.api.records.RecordRef;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;

/**
 * A group of writes in one transaction: the composite resource with {@code allOrNone}, each write a sub-request
 * that may use an earlier one's id through {@code @{wN.id}}.
 */
final class AtomicWrites {

    /** The composite resource's limit on sub-requests. */
    static final int MAX_WRITES = 25;

    private final OrgApi api;
    private final SalesforceConfig config;

    AtomicWrites(OrgApi api, SalesforceConfig config) {
        this.api = api;
        this.config = config;
    }

    List<RecordResult> write(List<RecordWrite> writes) {
        RecordRef.checkGroup(writes, MAX_WRITES);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("allOrNone", true);
        List<Map<String, @Nullable Object>> subrequests = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            subrequests.add(subrequest(i, writes.get(i)));
        }
        request.put("compositeRequest", subrequests);
        var answer = Futures.join(api.call("POST", api.data("/composite"), request));
        if (!answer.isSuccess()) {
            // Unavailability and throttling were retried, and refused credentials thrown, by the call itself.
            throw new MappingException("Salesforce refused the composite request with " + answer.status() + ": "
                    + SalesforceErrors.summary(SalesforceErrors.of(answer, config::redact)));
        }
        JsonNode responses = Json.tree(answer.body()).path("compositeResponse");
        List<RecordResult> results = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            results.add(result(writes.get(i), responses.path(i)));
        }
        return results;
    }

    private Map<String, @Nullable Object> subrequest(int index, RecordWrite write) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        write.fields().forEach((field, value) -> fields.put(field,
                value instanceof RecordRef ref ? "@{w" + ref.write() + ".id}" : value));
        Map<String, @Nullable Object> body = Json.fields(write.object(), fields);
        String objectPath = "/sobjects/" + write.object();
        Map<String, @Nullable Object> sub = new LinkedHashMap<>();
        switch (write.kind()) {
            case INSERT -> put(sub, "POST", objectPath, body);
            case UPDATE -> put(sub, "PATCH", objectPath + "/" + write.id(), SingleWrites.withoutIdAnd(body, null));
            case UPSERT -> put(sub, "PATCH", SingleWrites.byExternalId(write),
                    SingleWrites.withoutIdAnd(body, write.externalIdField()));
            case DELETE -> put(sub, "DELETE", write.id() != null ? objectPath + "/" + write.id()
                    : SingleWrites.byExternalId(write), null);
        }
        sub.put("referenceId", "w" + index);
        return sub;
    }

    private void put(Map<String, @Nullable Object> sub, String method, String path,
                     @Nullable Map<String, @Nullable Object> body) {
        sub.put("method", method);
        sub.put("url", api.data(path));
        if (body != null) {
            sub.put("body", body);
        }
    }

    private RecordResult result(RecordWrite write, JsonNode response) {
        int status = response.path("httpStatusCode").asInt(0);
        JsonNode body = response.path("body");
        if (status >= 200 && status < 300) {
            String id = body.isObject() ? Json.text(body, "id") : null;
            Boolean created = switch (write.kind()) {
                case INSERT -> Boolean.TRUE;
                case UPSERT -> body.path("created").isBoolean() ? body.path("created").booleanValue() : status == 201;
                default -> null;
            };
            return RecordResult.ok(id != null ? id : write.id(), created);
        }
        List<RecordError> errors = new ArrayList<>(SalesforceErrors.ofArray(body, config::redact));
        if (errors.isEmpty()) {
            errors.add(new RecordError("UNKNOWN", "Salesforce answered " + status + " to this write"));
        }
        return RecordResult.failed(errors);
    }
}
