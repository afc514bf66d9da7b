package org.openpayloads.connector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.openpayloads.connector.salesforce.OrgStub.DATA;
import static org.openpayloads.connector.salesforce.OrgStub.fixture;
import static org.openpayloads.connector.salesforce.OrgStub.fixtureAnswer;
import static org.openpayloads.connector.salesforce.OrgStub.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.records.RecordError;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;

/** A lone write goes to the single-record endpoints; each of their answers becomes a result. */
class SingleWritesTest {

    private final OrgStub org = new OrgStub();
    private SalesforceClient client;

    @BeforeEach
    void start() {
        org.tokenOk();
        client = org.connect();
    }

    @AfterEach
    void stop() {
        client.close();
        org.close();
    }

    @Test
    void insertSendsTheFieldsAndReturnsTheNewId() {
        org.server.stubFor(post(urlEqualTo(DATA + "/sobjects/Account")).withHeader("Authorization", org.bearer())
                .withRequestBody(equalToJson(fixture("sobject-create-201-request.json")))
                .willReturn(fixtureAnswer(201, "sobject-create-201-response.json")));

        RecordResult result = client.write(RecordWrite.insert("Account", Map.of("Name", "xyzzy", "AccountNumber", "420")));

        assertThat(result).isEqualTo(RecordResult.ok("0015500001QdQWfAAN", true));
        org.server.verify(0, postRequestedFor(urlEqualTo(DATA + "/composite/sobjects")));
    }

    @Test
    void aValidationErrorIsAFailedResultNotAnExceptionAndIsNotRetried() {
        org.server.stubFor(post(urlEqualTo(DATA + "/sobjects/Account"))
                .willReturn(fixtureAnswer(400, "error-required_field_missing.json")));

        RecordResult result = client.write(RecordWrite.insert("Account", Map.of("Phone", "555")));

        assertThat(result).isEqualTo(RecordResult.failed(new RecordError("REQUIRED_FIELD_MISSING",
                "Required fields are missing: [Name]", List.of("Name"))));
        org.server.verify(1, postRequestedFor(urlEqualTo(DATA + "/sobjects/Account")));
    }

    @Test
    void everyErrorOfAFailedWriteIsKept() {
        org.server.stubFor(post(urlEqualTo(DATA + "/sobjects/Account"))
                .willReturn(fixtureAnswer(400, "error-field_custom_validation-multiple.json")));

        assertThat(client.write(RecordWrite.insert("Account", Map.of("Name", "ACME"))).errors())
                .extracting(RecordError::message).containsExactly("no ACME accounts", "no 123 phone");
    }

    @Test
    void updatePatchesTheRecordWithoutRepeatingItsId() {
        String path = DATA + "/sobjects/Account/0017e00001W4GYRAA3";
        org.server.stubFor(patch(urlEqualTo(path)).withRequestBody(equalToJson("{\"Name\":\"Bluth Company\"}"))
                .willReturn(aResponse().withStatus(204)));

        RecordResult result = client.write(RecordWrite.update("Account", "0017e00001W4GYRAA3",
                Map.of("Name", "Bluth Company", "Id", "0017e00001W4GYRAA3")));

        assertThat(result).isEqualTo(RecordResult.ok("0017e00001W4GYRAA3", null));
    }

    @Test
    void upsertThatCreatesOnAnOldApiWithoutTheCreatedFlag() {
        org.server.stubFor(patch(urlEqualTo(DATA + "/sobjects/Whizbang/External_Id__c/23foo"))
                .withRequestBody(equalToJson("{\"Name\":\"My First Whizbang\"}"))
                .willReturn(fixtureAnswer(201, "sobject-upsert-created.json")));

        RecordResult result = client.write(RecordWrite.upsert("Whizbang", "External_Id__c",
                Map.of("External_Id__c", "23foo", "Name", "My First Whizbang")));

        assertThat(result).isEqualTo(RecordResult.ok("foo", true));
    }

    @Test
    void upsertThatUpdatesAnswers200WithCreatedFalse() {
        // No licensed recording of this answer exists (see the fixtures README); the shape is API 46.0+'s.
        org.server.stubFor(patch(urlEqualTo(DATA + "/sobjects/Contact/Email/gob%40example.com"))
                .willReturn(json(200, "{\"id\":\"0037e00001WZ312AAD\",\"success\":true,\"errors\":[],\"created\":false}")));

        RecordResult result = client.write(RecordWrite.upsert("Contact", "Email",
                Map.of("Email", "gob@example.com", "FirstName", "George Oscar")));

        assertThat(result).isEqualTo(RecordResult.ok("0037e00001WZ312AAD", false));
    }

    @Test
    void upsertThatUpdatesOnAnOldApiAnswers204AndTheIdIsLookedUp() {
        org.server.stubFor(patch(urlEqualTo(DATA + "/sobjects/Account/AccountNumber/420"))
                .willReturn(aResponse().withStatus(204).withBody(fixture("sobject-upsert-updated-204.empty"))));
        org.server.stubFor(get(urlPathEqualTo(DATA + "/query"))
                .withQueryParam("q", equalTo("SELECT Id FROM Account WHERE AccountNumber = '420' LIMIT 2"))
                .willReturn(json(200, "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"Account\"},"
                        + "\"Id\":\"0015500001QdQWaAAN\"}]}")));

        RecordResult result = client.write(RecordWrite.upsert("Account", "AccountNumber",
                Map.of("AccountNumber", "420", "Name", "Sitwell-Bluth")));

        assertThat(result).isEqualTo(RecordResult.ok("0015500001QdQWaAAN", false));
    }

    @Test
    void upsertMatchingSeveralRecordsIsAFailedResult() {
        org.server.stubFor(patch(urlEqualTo(DATA + "/sobjects/Whizbang/External_Id__c/foo"))
                .willReturn(fixtureAnswer(300, "sobject-upsert-300-multiple-choices.json")));

        RecordResult result = client.write(RecordWrite.upsert("Whizbang", "External_Id__c", Map.of("External_Id__c", "foo")));

        assertThat(result.success()).isFalse();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("MULTIPLE_RECORDS");
            assertThat(error.fields()).containsExactly("External_Id__c");
            assertThat(error.message()).contains("matches 2 Whizbang records", "/services/data/v23.0/sobjects/Whizbang/foo",
                    "/services/data/v23.0/sobjects/Whizbang/bar");
        });
    }

    @Test
    void upsertByAnUnknownExternalIdFieldIsAFailedResult() {
        org.server.stubFor(patch(urlEqualTo(DATA + "/sobjects/Account/Namez/Acme"))
                .willReturn(fixtureAnswer(404, "error-upsert-extid-field-not-found.json")));

        assertThat(client.write(RecordWrite.upsert("Account", "Namez", Map.of("Namez", "Acme"))).errors())
                .extracting(RecordError::code, RecordError::message)
                .containsExactly(tuple("NOT_FOUND",
                        "Provided external ID field does not exist or is not accessible: Namez"));
    }

    @Test
    void deleteByIdAndByExternalId() {
        org.server.stubFor(delete(urlEqualTo(DATA + "/sobjects/Account/0017e00001W4GYRAA3"))
                .willReturn(aResponse().withStatus(204)));
        org.server.stubFor(delete(urlEqualTo(DATA + "/sobjects/Contact/External_Id__c/a%20b%2Fc"))
                .willReturn(aResponse().withStatus(204)));
        org.server.stubFor(delete(urlEqualTo(DATA + "/sobjects/Account/001000000000001"))
                .willReturn(fixtureAnswer(404, "error-delete-not_found.json")));

        assertThat(client.write(RecordWrite.delete("Account", "0017e00001W4GYRAA3")))
                .isEqualTo(RecordResult.ok("0017e00001W4GYRAA3", null));
        assertThat(client.write(RecordWrite.deleteByExternalId("Contact", "External_Id__c", "a b/c")).success()).isTrue();
        assertThat(client.write(RecordWrite.delete("Account", "001000000000001")).errors())
                .extracting(RecordError::code).containsExactly("NOT_FOUND");
    }

    @Test
    void sendsDatesTimesDecimalsAndBlanksAsTheApiExpects() {
        org.server.stubFor(post(urlEqualTo(DATA + "/sobjects/Opportunity"))
                .willReturn(fixtureAnswer(201, "sobject-create-success.json")));
        Map<String, Object> fields = new HashMap<>();
        fields.put("CloseDate", LocalDate.of(2026, 11, 20));
        fields.put("Last_Paid__c", Instant.parse("2026-11-20T10:15:30Z"));
        fields.put("Amount", new BigDecimal("1234.50"));
        fields.put("Probability", 0.25d);
        fields.put("Description", null);

        client.write(RecordWrite.insert("Opportunity", fields));

        org.server.verify(postRequestedFor(urlEqualTo(DATA + "/sobjects/Opportunity")).withRequestBody(equalToJson(
                "{\"CloseDate\":\"2026-11-20\",\"Last_Paid__c\":\"2026-11-20T10:15:30Z\",\"Amount\":1234.50,"
                        + "\"Probability\":0.25,\"Description\":null}")));
        org.server.verify(0, patchRequestedFor(urlPathEqualTo(DATA + "/composite/sobjects")));
    }
}
