package org.openpayloads.connector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.connector.salesforce.OrgStub.DATA;
import static org.openpayloads.connector.salesforce.OrgStub.fixtureAnswer;
import static org.openpayloads.connector.salesforce.OrgStub.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.records.RecordError;
import org.openpayloads.api.records.RecordRef;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;

/** A group of writes goes to {@code /composite} with allOrNone, each write a sub-request. */
class AtomicWritesTest {

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
    void sendsEveryWriteAsASubRequestWithReferencesToEarlierIds() {
        org.server.stubFor(post(urlEqualTo(DATA + "/composite")).withRequestBody(equalToJson("""
                {"allOrNone": true, "compositeRequest": [
                  {"method": "PATCH", "url": "/services/data/v62.0/sobjects/Account/Stripe_Customer_Id__c/cus%20A",
                   "body": {"Name": "Acme"}, "referenceId": "w0"},
                  {"method": "POST", "url": "/services/data/v62.0/sobjects/Contact",
                   "body": {"LastName": "Smith", "AccountId": "@{w0.id}"}, "referenceId": "w1"},
                  {"method": "PATCH", "url": "/services/data/v62.0/sobjects/Contact/003000000000001AAA",
                   "body": {"Email": "a@example.com"}, "referenceId": "w2"},
                  {"method": "DELETE", "url": "/services/data/v62.0/sobjects/Task/00T000000000001AAA",
                   "referenceId": "w3"}]}"""))
                .willReturn(json(200, """
                        {"compositeResponse": [
                          {"body": {"id": "001000000000001AAA", "success": true, "errors": [], "created": true},
                           "httpHeaders": {}, "httpStatusCode": 201, "referenceId": "w0"},
                          {"body": {"id": "003000000000002AAA", "success": true, "errors": []},
                           "httpHeaders": {}, "httpStatusCode": 201, "referenceId": "w1"},
                          {"body": null, "httpHeaders": {}, "httpStatusCode": 204, "referenceId": "w2"},
                          {"body": null, "httpHeaders": {}, "httpStatusCode": 204, "referenceId": "w3"}]}""")));
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("Stripe_Customer_Id__c", "cus A");
        account.put("Name", "Acme");
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("LastName", "Smith");
        contact.put("AccountId", new RecordRef(0));

        List<RecordResult> results = client.writeAtomically(List.of(
                RecordWrite.upsert("Account", "Stripe_Customer_Id__c", account),
                RecordWrite.insert("Contact", contact),
                RecordWrite.update("Contact", "003000000000001AAA", Map.of("Email", "a@example.com")),
                RecordWrite.delete("Task", "00T000000000001AAA")));

        assertThat(results).containsExactly(RecordResult.ok("001000000000001AAA", true),
                RecordResult.ok("003000000000002AAA", true), RecordResult.ok("003000000000001AAA", null),
                RecordResult.ok("00T000000000001AAA", null));
        assertThat(client.maxAtomicWrites()).isEqualTo(25);
    }

    @Test
    void aFailedWriteKeepsItsErrorAndTheRestAreHalted() {
        org.server.stubFor(post(urlEqualTo(DATA + "/composite"))
                .willReturn(fixtureAnswer(200, "composite-allornone-failure-response.json")));

        List<RecordResult> results = client.writeAtomically(List.of(
                RecordWrite.insert("blng__Payment__c", Map.of("Name", "1")),
                RecordWrite.insert("blng__Payment__c", Map.of("Name", "2"))));

        assertThat(results.get(0).errors()).extracting(RecordError::code).containsExactly("PROCESSING_HALTED");
        assertThat(results.get(1).errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("INVALID_FIELD");
            assertThat(error.message()).startsWith("Foreign key external ID: 0116 not found");
        });
    }

    @Test
    void refusesAReferenceToALaterWriteAndTooManyWritesBeforeSendingAnything() {
        Map<String, Object> forward = Map.of("LastName", "x", "AccountId", new RecordRef(1));

        assertThatThrownBy(() -> client.writeAtomically(List.of(RecordWrite.insert("Contact", forward),
                RecordWrite.insert("Account", Map.of("Name", "a")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field AccountId of write 0 refers to write 1; expected an earlier write of the group");
        assertThatThrownBy(() -> client.writeAtomically(java.util.Collections.nCopies(26,
                RecordWrite.insert("Account", Map.of("Name", "a")))))
                .hasMessage("an atomic group had 26 writes; expected 1 to 25");
        org.server.verify(0, postRequestedFor(urlEqualTo(DATA + "/composite")));
    }

    @Test
    void aCompositeRequestTheOrgRefusesAsAWholeIsAMappingFailure() {
        org.server.stubFor(post(urlEqualTo(DATA + "/composite"))
                .willReturn(json(400, "[{\"errorCode\":\"JSON_PARSER_ERROR\",\"message\":\"bad\"}]")));

        assertThatThrownBy(() -> client.writeAtomically(List.of(RecordWrite.insert("Account", Map.of("Name", "a")))))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("JSON_PARSER_ERROR");
    }
}
