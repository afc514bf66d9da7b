package org.openpayloads.connector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.connector.salesforce.OrgStub.DATA;
import static org.openpayloads.connector.salesforce.OrgStub.fixtureAnswer;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.api.records.FieldDescription;
import org.openpayloads.api.records.Soql;
import org.openpayloads.api.records.ObjectDescription;
import org.openpayloads.api.records.QueryResult;

/** Queries across pages, id lookups with hostile values, and describes. */
class ReadsTest {

    private static final String QUERY = DATA + "/query";

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
    void followsNextRecordsUrlToTheLastPage() {
        org.server.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", equalTo("SELECT Text_Label FROM Whizbang"))
                .willReturn(fixtureAnswer(200, "query-page1-not-done.json")));
        org.server.stubFor(get(urlEqualTo("/services/data/v26.0/query/01gD")).withHeader("Authorization", org.bearer())
                .willReturn(fixtureAnswer(200, "query-page2-done.json")));

        QueryResult result = client.query("SELECT Text_Label FROM Whizbang");

        assertThat(result.totalSize()).isEqualTo(2);
        assertThat(result.records()).containsExactly(Map.of("Text_Label", "First Page"), Map.of("Text_Label", "Last Page"));
        assertThat(client.callCount()).isEqualTo(1 + 2);
    }

    @Test
    void refusesAResultLargerThanMaxQueryRecordsBeforeFetchingMorePages() {
        client.close();
        client = org.connect("maxQueryRecords", "1");
        org.server.stubFor(get(urlPathEqualTo(QUERY)).willReturn(fixtureAnswer(200, "query-page1-not-done.json")));

        assertThatThrownBy(() -> client.query("SELECT Text_Label FROM Whizbang")).isInstanceOf(MappingException.class)
                .hasMessage("The query [SELECT Text_Label FROM Whizbang] matched 2 records, more than maxQueryRecords (1); "
                        + "narrow it with WHERE or LIMIT");
        org.server.verify(0, getRequestedFor(urlEqualTo("/services/data/v26.0/query/01gD")));
    }

    @Test
    void keepsParentsChildrenNullsAndExactDecimalsButNotAttributes() {
        org.server.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", equalTo("nested"))
                .willReturn(fixtureAnswer(200, "query-success-nested.json")));
        org.server.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", equalTo("aggregate"))
                .willReturn(fixtureAnswer(200, "query-aggregate.json")));

        Map<String, Object> whizbang = client.query("nested").records().get(0);
        assertThat(whizbang).doesNotContainKey("attributes").containsEntry("Checkbox_Label", false)
                .containsEntry("ParentWhizbang__r", Map.of("Name", "Parent Whizbang", "Text_Label", "Hello"));
        assertThat(whizbang.get("Whizbangs__r")).isEqualTo(Map.of("totalSize", 1L, "done", true,
                "records", List.of(Map.of("Name", "Child Whizbang"))));

        List<Map<String, Object>> rows = client.query("aggregate").records();
        assertThat(rows).extracting(r -> r.get("expr0")).containsExactly(new BigDecimal("300.0"), new BigDecimal("100.0"), 400L);
        assertThat(rows.get(2)).containsEntry("CampaignId", null);
    }

    @Test
    void aQueryTheOrgCannotRunIsAMappingError() {
        org.server.stubFor(get(urlPathEqualTo(QUERY)).willReturn(fixtureAnswer(400, "error-query-invalid_field.json")));

        assertThatThrownBy(() -> client.query("SELECT Bogus FROM Account")).isInstanceOf(MappingException.class)
                .hasMessage("Salesforce could not run the query [SELECT Bogus FROM Account]: INVALID_FIELD: error_message");
    }

    @Test
    void findIdAnswersTheOneIdNoneOrRefusesToChoose() {
        org.server.stubFor(get(urlPathEqualTo(QUERY))
                .withQueryParam("q", equalTo("SELECT Id FROM Account WHERE AccountNumber = '420' LIMIT 2"))
                .willReturn(fixtureAnswer(200, "query-two-records-same-accountnumber.json")));
        org.server.stubFor(get(urlPathEqualTo(QUERY))
                .withQueryParam("q", equalTo("SELECT Id FROM Account WHERE AccountNumber = '421' LIMIT 2"))
                .willReturn(fixtureAnswer(200, "query-empty.json")));
        org.server.stubFor(get(urlPathEqualTo(QUERY))
                .withQueryParam("q", equalTo("SELECT Id FROM Account WHERE NumberOfEmployees = 12 LIMIT 2"))
                .willReturn(OrgStub.json(200, "{\"totalSize\":1,\"done\":true,\"records\":[{\"Id\":\"0015500001QdQWaAAN\"}]}")));

        assertThat(client.findId("Account", "NumberOfEmployees", 12)).contains("0015500001QdQWaAAN");
        assertThat(client.findId("Account", "AccountNumber", "421")).isEmpty();
        assertThatThrownBy(() -> client.findId("Account", "AccountNumber", "420")).isInstanceOf(MappingException.class)
                .hasMessage("At least 2 Account records have AccountNumber = '420'; expected at most one, so the lookup "
                        + "cannot choose");
    }

    @Test
    void aHostileLookupValueIsSentAsOneEscapedLiteral() {
        org.server.stubFor(get(urlPathEqualTo(QUERY)).willReturn(fixtureAnswer(200, "query-empty.json")));
        Map<String, String> hostile = Map.of(
                "x' OR Name != '", "'x\\' OR Name != \\''",
                "\\' OR 1=1 --", "'\\\\\\' OR 1=1 --'",
                "C:\\temp\\new\\", "'C:\\\\temp\\\\new\\\\'",
                "line\nbreak\t\"quoted\"", "'line\\nbreak\\t\\\"quoted\\\"'");

        for (Map.Entry<String, String> attack : hostile.entrySet()) {
            org.server.resetRequests();
            assertThat(client.findId("Account", "Name", attack.getKey())).isEmpty();

            LoggedRequest sent = org.server.findAll(getRequestedFor(urlPathEqualTo(QUERY))).get(0);
            String q = sent.queryParameter("q").firstValue();
            assertThat(q).isEqualTo("SELECT Id FROM Account WHERE Name = " + attack.getValue() + " LIMIT 2");
            String literal = q.substring("SELECT Id FROM Account WHERE Name = ".length(), q.length() - " LIMIT 2".length());
            assertThat(Soql.unquote(literal)).as("the literal reads back as the whole value").isEqualTo(attack.getKey());
            assertThat(sent.getUrl()).doesNotContain("'", " ", "\\");
        }
    }

    @Test
    void describeMapsEveryFieldAndIsCached() {
        org.server.stubFor(get(urlEqualTo(DATA + "/sobjects/Account/describe"))
                .willReturn(fixtureAnswer(200, "describe-account.json")));

        ObjectDescription account = client.describe("Account");

        assertThat(account.name()).isEqualTo("Account");
        assertThat(account.fields()).hasSize(68);
        assertThat(account.fields().get("Name")).isEqualTo(new FieldDescription("Name", "string", 255, false, true, true,
                false, false, List.of(), List.of()));
        assertThat(account.fields().get("AnnualRevenue").type()).isEqualTo("currency");
        assertThat(account.fields().get("Type").picklistValues()).containsExactly("Prospect", "Customer - Direct",
                "Customer - Channel", "Channel Partner / Reseller", "Installation Partner", "Technology Partner", "Other");
        assertThat(account.fields().get("MasterRecordId").referenceTo()).containsExactly("Account");
        assertThat(account.fields().values()).noneMatch(FieldDescription::externalId);

        assertThat(client.describe("account")).isSameAs(account);
        org.server.verify(1, getRequestedFor(urlEqualTo(DATA + "/sobjects/Account/describe")));
    }

    @Test
    void describeReadsExternalIdFieldsAndRefusesUnknownObjects() {
        org.server.stubFor(get(urlEqualTo(DATA + "/sobjects/With_External_Id__c/describe"))
                .willReturn(fixtureAnswer(200, "describe-custom-object-with-externalid.json")));
        org.server.stubFor(get(urlEqualTo(DATA + "/sobjects/Nope__c/describe"))
                .willReturn(fixtureAnswer(404, "error-describe-not_found.json")));

        FieldDescription externalId = client.describe("With_External_Id__c").field("external_id__c").orElseThrow();
        assertThat(externalId.externalId()).isTrue();
        assertThat(externalId.type()).isEqualTo("double");
        assertThatThrownBy(() -> client.describe("Nope__c")).isInstanceOf(NotFoundException.class)
                .hasMessage("No Salesforce object 'Nope__c' exists");
        assertThatThrownBy(() -> client.describe("../limits")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("object was '../limits'");
    }
}
