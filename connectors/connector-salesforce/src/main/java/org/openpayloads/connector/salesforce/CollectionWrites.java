package org.openpayloads.connector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.PayloadsException;
import org.openpayloads.api.RetriableException;
import org.openpayloads.api.connector.HttpResult;
import org.openpayloads.api.records.RecordError;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;
import org.openpayloads.api.records.WriteKind;

/**
 * A batch of writes in one sObject Collections request, {@code allOrNone=false} so that one bad record
 * does not sink the others. Each record's result goes to its own future. Records Salesforce found locked
 * are sent again, alone, after a backoff; the rest are done.
 */
final class CollectionWrites {

    private final OrgApi api;
    private final SingleWrites single;
    private final Exchange exchange;
    private final SalesforceConfig config;

    CollectionWrites(OrgApi api, SingleWrites single, Exchange exchange, SalesforceConfig config) {
        this.api = api;
        this.single = single;
        this.exchange = exchange;
        this.config = config;
    }

    /** Sends a batch; a batch of one goes to the single-record endpoint, which costs the same and says more. */
    void send(List<Pending> batch) {
        if (batch.size() == 1) {
            Pending only = batch.get(0);
            CompletableFuture<RecordResult> sent;
            try {
                sent = single.send(only);
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            Futures.forward(sent, only.result());
            return;
        }
        sendCollection(batch, 0);
    }

    private void sendCollection(List<Pending> batch, int attempt) {
        CompletableFuture<HttpResult> sent;
        try {
            sent = request(batch);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((result, failure) -> {
            try {
                if (failure != null) {
                    failAll(batch, Futures.unwrap(failure));
                } else {
                    complete(batch, result, attempt);
                }
            } catch (RuntimeException e) {
                failAll(batch, e);
            }
        });
    }

    private CompletableFuture<HttpResult> request(List<Pending> batch) {
        RecordWrite first = batch.get(0).write();
        return switch (first.kind()) {
            case INSERT -> api.call("POST", api.data("/composite/sobjects"), body(batch));
            case UPDATE -> api.call("PATCH", api.data("/composite/sobjects"), body(batch));
            case UPSERT -> api.call("PATCH", api.data("/composite/sobjects/" + first.object() + "/"
                    + first.externalIdField()), body(batch));
            case DELETE -> api.call("DELETE", api.data("/composite/sobjects?ids="
                    + batch.stream().map(p -> p.write().id()).collect(Collectors.joining(",")) + "&allOrNone=false"), null);
        };
    }

    private static Map<String, Object> body(List<Pending> batch) {
        List<Map<String, @Nullable Object>> records = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            Map<String, @Nullable Object> record = new LinkedHashMap<>();
            record.put("attributes", Map.of("type", pending.write().object()));
            record.putAll(pending.body());
            if (pending.write().kind() == WriteKind.UPDATE) {
                record.keySet().removeIf(k -> k.equalsIgnoreCase("id"));
                record.put("id", pending.write().id());
            }
            records.add(record);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allOrNone", false);
        body.put("records", records);
        return body;
    }

    private void complete(List<Pending> batch, HttpResult result, int attempt) {
        RecordWrite first = batch.get(0).write();
        if (!result.isSuccess()) {
            // The whole request was refused (for example a malformed record): every record shares the reason.
            RecordResult failed = RecordResult.failed(SalesforceErrors.of(result, config::redact));
            batch.forEach(p -> p.result().complete(failed));
            return;
        }
        JsonNode answers = Json.tree(result.body());
        if (!answers.isArray() || answers.size() != batch.size()) {
            throw new PayloadsException("Salesforce answered " + (answers.isArray() ? answers.size() + " results" : "no "
                    + "result list") + " to a Collections " + first.kind() + " of " + batch.size() + " " + first.object()
                    + " records; expected one result per record");
        }
        List<Pending> locked = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            JsonNode answer = answers.get(i);
            Pending pending = batch.get(i);
            if (answer.path("success").asBoolean(false)) {
                pending.result().complete(RecordResult.ok(Json.text(answer, "id"), created(first.kind(), answer)));
                continue;
            }
            List<RecordError> errors = SalesforceErrors.ofRecord(answer, config::redact);
            if (SalesforceErrors.has(errors, SalesforceErrors.UNABLE_TO_LOCK_ROW)) {
                locked.add(pending);
            } else {
                pending.result().complete(RecordResult.failed(errors));
            }
        }
        if (!locked.isEmpty()) {
            retryLocked(locked, attempt);
        }
    }

    private void retryLocked(List<Pending> locked, int attempt) {
        if (attempt >= config.maxRetries()) {
            RecordWrite first = locked.get(0).write();
            failAll(locked, new RetriableException("Salesforce found " + locked.size() + " " + first.object()
                    + " record(s) locked (" + SalesforceErrors.UNABLE_TO_LOCK_ROW + ") in a Collections " + first.kind()
                    + "; gave up after " + (attempt + 1) + " attempts (maxRetries is " + config.maxRetries() + ")"));
            return;
        }
        exchange.timer().delay(exchange.backoff(attempt)).whenComplete((ignored, failure) -> {
            if (failure != null) {
                failAll(locked, Futures.unwrap(failure));
            } else {
                sendCollection(locked, attempt + 1);
            }
        });
    }

    /** Inserts always create; upserts say; updates and deletes have nothing to say. */
    private static @Nullable Boolean created(WriteKind kind, JsonNode answer) {
        return switch (kind) {
            case INSERT -> true;
            case UPSERT -> answer.has("created") ? answer.get("created").asBoolean() : null;
            case UPDATE, DELETE -> null;
        };
    }

    private static void failAll(List<Pending> batch, Throwable failure) {
        batch.forEach(p -> p.result().completeExceptionally(failure));
    }
}
