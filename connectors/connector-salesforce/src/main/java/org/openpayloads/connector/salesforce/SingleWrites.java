package org.openpayloads.connector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.connector.HttpResult;
import org.openpayloads.api.records.RecordError;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;
import org.openpayloads.api.records.Soql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One write, one request: the sObject and sObject-by-external-id endpoints. */
final class SingleWrites {

    private static final Logger LOG = LoggerFactory.getLogger(SingleWrites.class);

    private final OrgApi api;
    private final Reads reads;
    private final SalesforceConfig config;

    SingleWrites(OrgApi api, Reads reads, SalesforceConfig config) {
        this.api = api;
        this.reads = reads;
        this.config = config;
    }

    CompletableFuture<RecordResult> send(Pending pending) {
        RecordWrite write = pending.write();
        String objectPath = "/sobjects/" + write.object();
        return switch (write.kind()) {
            case INSERT -> api.call("POST", api.data(objectPath), pending.body())
                    .thenApply(r -> r.status() == 201 || r.status() == 200 ? RecordResult.ok(id(r), true) : failed(r));
            case UPDATE -> api.call("PATCH", api.data(objectPath + "/" + write.id()), withoutIdAnd(pending.body(), null))
                    .thenApply(r -> r.isSuccess() ? RecordResult.ok(write.id(), null) : failed(r));
            case UPSERT -> api.call("PATCH", api.data(byExternalId(write)),
                            withoutIdAnd(pending.body(), write.externalIdField()))
                    .thenCompose(r -> upserted(write, r));
            case DELETE -> api.call("DELETE", api.data(write.id() != null ? objectPath + "/" + write.id()
                            : byExternalId(write)), null)
                    .thenApply(r -> r.isSuccess() ? RecordResult.ok(write.id(), null) : failed(r));
        };
    }

    /**
     * 201 created; 200 with {@code created:false} updated (API 46.0+); 204 with no body updated (older
     * APIs), whose id a lookup then finds; 300 several records matched, which is the record's failure.
     */
    private CompletableFuture<RecordResult> upserted(RecordWrite write, HttpResult result) {
        JsonNode body = Json.tree(result.body());
        return switch (result.status()) {
            case 201 -> done(RecordResult.ok(Json.text(body, "id"), body.path("created").asBoolean(true)));
            case 200 -> done(RecordResult.ok(Json.text(body, "id"), body.path("created").asBoolean(false)));
            case 204 -> updatedWithoutId(write);
            case 300 -> done(RecordResult.failed(new RecordError("MULTIPLE_RECORDS", "external id "
                    + write.externalIdField() + " = '" + write.externalIdValue() + "' matches " + body.size() + " "
                    + write.object() + " records" + (body.isArray() ? ": " + urls(body) : "")
                    + "; expected at most one", List.of(Objects.requireNonNull(write.externalIdField())))));
            default -> done(failed(result));
        };
    }

    private CompletableFuture<RecordResult> updatedWithoutId(RecordWrite write) {
        return reads.findIdAsync(write.object(), Objects.requireNonNull(write.externalIdField()),
                        Objects.requireNonNull(write.externalIdValue()))
                .handle((id, failure) -> {
                    if (failure != null) {
                        // The write itself succeeded; failing it now would only make the job retry it.
                        LOG.debug("Upsert of {} succeeded but its id could not be looked up", write.object(), failure);
                        return RecordResult.ok(null, false);
                    }
                    return RecordResult.ok(id.orElse(null), false);
                });
    }

    static String byExternalId(RecordWrite write) {
        Object value = Objects.requireNonNull(write.externalIdValue());
        String text = value instanceof CharSequence ? value.toString() : Soql.literal(value);
        return "/sobjects/" + write.object() + "/" + write.externalIdField() + "/"
                + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Salesforce refuses a body that repeats the record's Id or the external id named in the URL. */
    static Map<String, @Nullable Object> withoutIdAnd(Map<String, @Nullable Object> body,
                                                              @Nullable String externalIdField) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>(body);
        copy.keySet().removeIf(k -> k.equalsIgnoreCase("Id") || k.equalsIgnoreCase(String.valueOf(externalIdField)));
        return copy;
    }

    private RecordResult failed(HttpResult result) {
        return RecordResult.failed(SalesforceErrors.of(result, config::redact));
    }

    private static @Nullable String id(HttpResult result) {
        return Json.text(Json.tree(result.body()), "id");
    }

    private static String urls(JsonNode array) {
        List<String> urls = new ArrayList<>();
        array.forEach(url -> urls.add(url.asText()));
        return String.join(", ", urls);
    }

    private static CompletableFuture<RecordResult> done(RecordResult result) {
        return CompletableFuture.completedFuture(result);
    }
}
