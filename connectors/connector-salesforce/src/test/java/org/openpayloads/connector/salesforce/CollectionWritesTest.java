package org.openpayloads.connector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.connector.salesforce.OrgStub.DATA;
import static org.openpayloads.connector.salesforce.OrgStub.fixture;
import static org.openpayloads.connector.salesforce.OrgStub.fixtureAnswer;
import static org.openpayloads.connector.salesforce.OrgStub.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.PayloadsException;
import org.openpayloads.api.RetriableException;
import org.openpayloads.api.records.RecordError;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;

/** Batches in sObject Collections requests: each record's own result, and retries of locked records only. */
class CollectionWritesTest {

    private static final String COLLECTIONS = DATA + "/composite/sobjects";
    private static final String LOCK = "{\"statusCode\":\"UNABLE_TO_LOCK_ROW\",\"message\":\"unable to obtain exclusive "
            + "access to this record\",\"fields\":[]}";

    private final OrgStub org = new OrgStub();
    private SalesforceClient client;

    @BeforeEach
    void start() {
        org.tokenOk();
        client = org.connect("lingerMillis", "300");
    }

    @AfterEach
    void stop() {
        client.close();
        org.close();
    }

    @Test
    void eachRecordOfAMixedAnswerGetsItsOwnResult() {
        // No licensed recording of a per-record failure exists; this is the documented shape (statusCode).
        org.server.stubFor(post(urlEqualTo(COLLECTIONS)).willReturn(json(200, "["
                + "{\"id\":\"0017e00001W4GYRAA3\",\"success\":true,\"errors\":[]},"
                + "{\"success\":false,\"errors\":[{\"statusCode\":\"REQUIRED_FIELD_MISSING\",\"message\":\"Required fields "
                + "are missing: [Name]\",\"fields\":[\"Name\"]}]},"
                + "{\"success\":false,\"errors\":[{\"statusCode\":\"DUPLICATE_VALUE\",\"message\":\"duplicate value found: "
                + "AccountNumber duplicates value on record with id: 0015500001QdQWaAAN\",\"fields\":[]}]}]")));

        List<RecordResult> results = submitAll(
                RecordWrite.insert("Account", Map.of("Name", "Sitwell-Bluth")),
                RecordWrite.insert("Account", Map.of("Phone", "555")),
                RecordWrite.insert("Account", Map.of("Name", "Dup", "AccountNumber", "420")));

        assertThat(results.get(0)).isEqualTo(RecordResult.ok("0017e00001W4GYRAA3", true));
        assertThat(results.get(1).errors()).containsExactly(new RecordError("REQUIRED_FIELD_MISSING",
                "Required fields are missing: [Name]", List.of("Name")));
        assertThat(results.get(2).errors()).extracting(RecordError::code).containsExactly("DUPLICATE_VALUE");
        org.server.verify(1, postRequestedFor(urlEqualTo(COLLECTIONS)));
        JsonNode body = Json.tree(org.server.findAll(postRequestedFor(urlEqualTo(COLLECTIONS))).get(0).getBody());
        assertThat(body.path("allOrNone").asBoolean(true)).isFalse();
        assertThat(body.path("records").get(0).path("attributes").path("type").asText()).isEqualTo("Account");
    }

    @Test
    void upsertByExternalIdAsRecorded() throws Exception {
        org.server.stubFor(patch(urlEqualTo(COLLECTIONS + "/Contact/Email"))
                .withRequestBody(equalToJson(fixture("collections-upsert-by-extid-mixed-request.json")))
                .willReturn(fixtureAnswer(200, "collections-upsert-by-extid-response-mixed.json")));
        List<RecordWrite> writes = new ArrayList<>();
        for (JsonNode record : Json.MAPPER.readTree(fixture("collections-upsert-by-extid-mixed-request.json")).path("records")) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (String name : List.of("FirstName", "LastName", "Email")) {
                fields.put(name, record.path(name).asText());
            }
            writes.add(RecordWrite.upsert("Contact", "Email", fields));
        }

        List<RecordResult> results = submitAll(writes.toArray(RecordWrite[]::new));

        assertThat(results).extracting(RecordResult::id).containsExactly("0037e00001WZ310AAD", "0037e00001WZ312AAD",
                "0037e00001WZ30qAAD", "0037e00001WZ316AAD");
        assertThat(results).extracting(RecordResult::created).containsExactly(false, false, false, true);
    }

    @Test
    void updatesCarryTheirIdsAndDeletesGoInTheQuery() {
        org.server.stubFor(patch(urlEqualTo(COLLECTIONS)).withRequestBody(equalToJson("{\"allOrNone\":false,\"records\":["
                + "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"A\",\"id\":\"0015500001QdQWaAAN\"},"
                + "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"B\",\"id\":\"0015500001QdQWfAAN\"}]}"))
                .willReturn(json(200, "[{\"id\":\"0015500001QdQWaAAN\",\"success\":true,\"errors\":[]},"
                        + "{\"id\":\"0015500001QdQWfAAN\",\"success\":true,\"errors\":[]}]")));
        org.server.stubFor(delete(urlEqualTo(COLLECTIONS + "?ids=0015500001QdQWaAAN,0015500001QdQWfAAN&allOrNone=false"))
                .willReturn(json(200, "[{\"id\":\"0015500001QdQWaAAN\",\"success\":true,\"errors\":[]},"
                        + "{\"id\":\"0015500001QdQWfAAN\",\"success\":false,\"errors\":[{\"statusCode\":"
                        + "\"ENTITY_IS_DELETED\",\"message\":\"entity is deleted\",\"fields\":[]}]}]")));

        assertThat(submitAll(RecordWrite.update("Account", "0015500001QdQWaAAN", Map.of("Name", "A")),
                RecordWrite.update("Account", "0015500001QdQWfAAN", Map.of("Name", "B"))))
                .containsExactly(RecordResult.ok("0015500001QdQWaAAN", null), RecordResult.ok("0015500001QdQWfAAN", null));
        assertThat(submitAll(RecordWrite.delete("Account", "0015500001QdQWaAAN"),
                RecordWrite.delete("Account", "0015500001QdQWfAAN")))
                .extracting(RecordResult::success).containsExactly(true, false);
    }

    @Test
    void onlyTheLockedRecordsAreSentAgain() {
        org.server.stubFor(post(urlEqualTo(COLLECTIONS)).inScenario("lock").whenScenarioStateIs(STARTED)
                .willReturn(json(200, "[{\"id\":\"001A\",\"success\":true,\"errors\":[]},"
                        + "{\"success\":false,\"errors\":[" + LOCK + "]},"
                        + "{\"success\":false,\"errors\":[{\"statusCode\":\"REQUIRED_FIELD_MISSING\",\"message\":\"Required "
                        + "fields are missing: [Name]\",\"fields\":[\"Name\"]}]}]"))
                .willSetStateTo("unlocked"));
        org.server.stubFor(post(urlEqualTo(COLLECTIONS)).inScenario("lock").whenScenarioStateIs("unlocked")
                .willReturn(json(200, "[{\"id\":\"001B\",\"success\":true,\"errors\":[]}]")));

        List<RecordResult> results = submitAll(RecordWrite.insert("Account", Map.of("Name", "a")),
                RecordWrite.insert("Account", Map.of("Name", "b")), RecordWrite.insert("Account", Map.of("Phone", "c")));

        assertThat(results).extracting(RecordResult::id).containsExactly("001A", "001B", null);
        assertThat(results.get(2).errors()).extracting(RecordError::code).containsExactly("REQUIRED_FIELD_MISSING");
        List<LoggedRequest> requests = org.server.findAll(postRequestedFor(urlEqualTo(COLLECTIONS)));
        assertThat(requests).hasSize(2);
        JsonNode retried = Json.tree(requests.get(1).getBody()).path("records");
        assertThat(retried).hasSize(1);
        assertThat(retried.get(0).path("Name").asText()).isEqualTo("b");
        assertThat(org.timer.waits).hasSize(1);
    }

    @Test
    void aRecordThatStaysLockedIsRetriableOnceRetriesRunOut() {
        org.server.stubFor(post(urlEqualTo(COLLECTIONS)).inScenario("stuck").whenScenarioStateIs(STARTED)
                .willReturn(json(200, "[{\"success\":false,\"errors\":[" + LOCK + "]},"
                        + "{\"id\":\"001A\",\"success\":true,\"errors\":[]}]")).willSetStateTo("retrying"));
        org.server.stubFor(post(urlEqualTo(COLLECTIONS)).inScenario("stuck").whenScenarioStateIs("retrying")
                .willReturn(json(200, "[{\"success\":false,\"errors\":[" + LOCK + "]}]")));
        CompletableFuture<RecordResult> locked = client.submit(RecordWrite.insert("Account", Map.of("Name", "a")));
        CompletableFuture<RecordResult> fine = client.submit(RecordWrite.insert("Account", Map.of("Name", "b")));

        assertThatThrownBy(locked::join).hasCauseInstanceOf(RetriableException.class)
                .hasMessageContaining("locked (UNABLE_TO_LOCK_ROW)");
        assertThat(fine.join().id()).isEqualTo("001A");
        assertThat(org.timer.waits).hasSize(4);
        org.server.verify(5, postRequestedFor(urlEqualTo(COLLECTIONS)));
    }

    @Test
    void aRefusedRequestFailsEveryRecordWithItsReason() {
        org.server.stubFor(post(urlEqualTo(COLLECTIONS)).willReturn(fixtureAnswer(400, "error-collections-json-deserialization.json")));

        assertThat(submitAll(RecordWrite.insert("Account", Map.of("Name", "a")), RecordWrite.insert("Account", Map.of("Name", "b"))))
                .allSatisfy(result -> assertThat(result.errors()).extracting(RecordError::code).containsExactly("INVALID_FIELD"));
    }

    @Test
    void aResultListOfTheWrongLengthFailsTheBatchLoudly() {
        org.server.stubFor(post(urlEqualTo(COLLECTIONS)).willReturn(fixtureAnswer(200, "collections-create-success.json")));
        CompletableFuture<RecordResult> first = client.submit(RecordWrite.insert("Account", Map.of("Name", "a")));
        client.submit(RecordWrite.insert("Account", Map.of("Name", "b")));

        assertThatThrownBy(first::join).hasCauseInstanceOf(PayloadsException.class)
                .hasMessageContaining("answered 1 results to a Collections INSERT of 2 Account records");
    }

    private List<RecordResult> submitAll(RecordWrite... writes) {
        List<CompletableFuture<RecordResult>> futures = new ArrayList<>();
        for (RecordWrite write : writes) {
            futures.add(client.submit(write));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
