package org.openpayloads.org.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgRequest;
import org.openpayloads.org.OrgResponse;
import org.openpayloads.org.OrgTesting;
import org.openpayloads.org.OrgTesting.OpenOrg;
import org.openpayloads.org.schema.FieldSpec;

/** Queries end to end: SOQL text in, Salesforce's result pages out. */
@Tag("database")
class QueryServiceTest {

    private static final String BASE = OrgTesting.BASE;
    private static OpenOrg org;

    @BeforeAll
    static void open() {
        org = OpenOrg.create();
        org.org.schema().createField("Account", FieldSpec.of("Code__c", "string").withExternalId());
        StringBuilder accounts = new StringBuilder("{\"records\": [");
        for (int i = 0; i < 150; i++) {
            accounts.append(i > 0 ? "," : "").append("{\"attributes\": {\"type\": \"Account\"}, \"Name\": \"Q")
                    .append(String.format("%03d", i)).append("\", \"Code__c\": \"C").append(i)
                    .append("\", \"Industry\": \"").append(i % 2 == 0 ? "Banking" : "Retail").append("\"}");
        }
        assertThat(org.call("POST", BASE + "/composite/sobjects", accounts + "]}").status()).isEqualTo(200);
        String acme = org.json("POST", BASE + "/sobjects/Account", "{\"Name\": \"Acme\", \"Rating\": \"Hot\"}")
                .get("id").asText();
        for (String last : List.of("Ames", "Brown", "Chen")) {
            org.call("POST", BASE + "/sobjects/Contact", "{\"LastName\": \"" + last + "\", \"AccountId\": \"" + acme
                    + "\"}");
        }
        org.call("POST", BASE + "/sobjects/Contact", "{\"LastName\": \"Orphan\"}");
    }

    @AfterAll
    static void close() {
        org.close();
    }

    private static OrgResponse query(String soql, Map<String, String> headers) {
        String q = URLEncoder.encode(soql, StandardCharsets.UTF_8);
        java.util.Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Authorization", "Bearer " + OrgTesting.ADMIN_TOKEN);
        return org.org.handle(new OrgRequest("GET", BASE + "/query", "q=" + q, all, new byte[0], "http://org.test"));
    }

    private static JsonNode ok(String soql) {
        OrgResponse response = query(soql, Map.of());
        assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
        return OrgTesting.parse(response.bodyText());
    }

    @Test
    void parentFieldsAreNestedObjectsAndNullWithoutAParent() {
        JsonNode result = ok("SELECT Id, LastName, Account.Name, Account.Rating FROM Contact ORDER BY LastName");
        assertThat(result.get("totalSize").asInt()).isEqualTo(4);
        assertThat(result.get("done").asBoolean()).isTrue();
        JsonNode first = result.at("/records/0");
        assertThat(first.at("/attributes/type").asText()).isEqualTo("Contact");
        assertThat(first.at("/attributes/url").asText()).startsWith(BASE + "/sobjects/Contact/003");
        assertThat(first.get("LastName").asText()).isEqualTo("Ames");
        assertThat(first.at("/Account/attributes/type").asText()).isEqualTo("Account");
        assertThat(first.at("/Account/Name").asText()).isEqualTo("Acme");
        assertThat(first.at("/Account/Rating").asText()).isEqualTo("Hot");
        List<String> keys = new ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("attributes", "Id", "LastName", "Account");
        JsonNode orphan = result.at("/records/3");
        assertThat(orphan.get("LastName").asText()).isEqualTo("Orphan");
        assertThat(orphan.get("Account").isNull()).isTrue();
    }

    @Test
    void parentFieldsFilter() {
        JsonNode result = ok("SELECT LastName FROM Contact WHERE Account.Name = 'Acme' AND LastName != 'Brown'");
        assertThat(result.get("records").findValuesAsText("LastName")).containsExactlyInAnyOrder("Ames", "Chen");
    }

    @Test
    void referencesMatchBy15Or18Characters() {
        String acme = ok("SELECT Id FROM Account WHERE Name = 'Acme'").at("/records/0/Id").asText();
        assertThat(ok("SELECT LastName FROM Contact WHERE AccountId = '" + acme + "'").get("totalSize").asInt())
                .isEqualTo(3);
        assertThat(ok("SELECT LastName FROM Contact WHERE AccountId = '" + acme.substring(0, 15) + "'")
                .get("totalSize").asInt()).isEqualTo(3);
        assertThat(ok("SELECT LastName FROM Contact WHERE AccountId = 'junk'").get("totalSize").asInt()).isZero();
    }

    @Test
    void countAnswersTotalSizeWithoutRecords() {
        JsonNode count = ok("SELECT COUNT() FROM Account WHERE Industry = 'Banking'");
        assertThat(count.get("totalSize").asInt()).isEqualTo(75);
        assertThat(count.get("records")).isEmpty();
        assertThat(count.get("done").asBoolean()).isTrue();
    }

    @Test
    void equalitiesOnIndexedFieldsAndIdsFindTheirRecord() {
        JsonNode byKey = ok("SELECT Id, Name FROM Account WHERE Code__c = 'c42'");
        assertThat(byKey.get("totalSize").asInt()).isEqualTo(1);
        assertThat(byKey.at("/records/0/Name").asText()).isEqualTo("Q042");
        String id = byKey.at("/records/0/Id").asText();
        assertThat(ok("SELECT Name FROM Account WHERE Id = '" + id + "'").at("/records/0/Name").asText())
                .isEqualTo("Q042");
        assertThat(ok("SELECT Name FROM Account WHERE Id = '" + id.substring(0, 15) + "'").get("totalSize").asInt())
                .isEqualTo(1);
        assertThat(ok("SELECT Name FROM Account WHERE Code__c = 'C42' AND Industry = 'Retail'").get("totalSize")
                .asInt()).isZero();
    }

    @Test
    void resultsArePagedWithALocator() {
        OrgResponse first = query("SELECT Name FROM Account WHERE Name LIKE 'Q%' ORDER BY Name",
                Map.of("Sforce-Query-Options", "batchSize=200"));
        JsonNode page1 = OrgTesting.parse(first.bodyText());
        assertThat(page1.get("totalSize").asInt()).isEqualTo(150);
        assertThat(page1.get("done").asBoolean()).isTrue();

        OrgResponse big = query("SELECT Name, Industry FROM Account ORDER BY Name DESC", Map.of());
        JsonNode all = OrgTesting.parse(big.bodyText());
        assertThat(all.get("records")).hasSize(151);

        OrgResponse limited = query("SELECT Name FROM Account WHERE Name LIKE 'Q%' ORDER BY Name LIMIT 10 OFFSET 5",
                Map.of());
        JsonNode slice = OrgTesting.parse(limited.bodyText());
        assertThat(slice.get("records").findValuesAsText("Name")).startsWith("Q005", "Q006").hasSize(10);
    }

    @Test
    void pagesOf200FollowNextRecordsUrlUntilDone() {
        StringBuilder many = new StringBuilder("{\"records\": [");
        for (int i = 0; i < 200; i++) {
            many.append(i > 0 ? "," : "").append("{\"attributes\": {\"type\": \"Lead\"}, \"LastName\": \"L").append(i)
                    .append("\", \"Company\": \"Co\", \"Status\": \"Open - Not Contacted\"}");
        }
        String body = many + "]}";
        for (int round = 0; round < 12; round++) {
            assertThat(org.call("POST", BASE + "/composite/sobjects", body).status()).isEqualTo(200);
        }
        JsonNode page = ok("SELECT Id, LastName FROM Lead");
        assertThat(page.get("totalSize").asInt()).isEqualTo(2400);
        assertThat(page.get("done").asBoolean()).isFalse();
        assertThat(page.get("records")).hasSize(2000);
        String next = page.get("nextRecordsUrl").asText();
        assertThat(next).startsWith(BASE + "/query/01g").endsWith("-2000");
        JsonNode last = org.json("GET", next, "");
        assertThat(last.get("done").asBoolean()).isTrue();
        assertThat(last.has("nextRecordsUrl")).isFalse();
        assertThat(last.get("records")).hasSize(400);
        assertThat(last.get("totalSize").asInt()).isEqualTo(2400);
        OrgResponse bad = org.call("GET", BASE + "/query/01gnothing-2000", "");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.bodyText()).contains("INVALID_QUERY_LOCATOR");
    }

    @Test
    void badQueriesAreSalesforceErrors() {
        OrgResponse field = query("SELECT Nope FROM Account", Map.of());
        assertThat(field.status()).isEqualTo(400);
        JsonNode error = OrgTesting.parse(field.bodyText());
        assertThat(error.at("/0/errorCode").asText()).isEqualTo("INVALID_FIELD");
        JsonNode fixture = OrgTesting.parse(OrgTesting.fixture("error-query-invalid_field.json"));
        assertThat(error.get(0).fieldNames()).toIterable().containsExactlyElementsOf(() -> fixture.get(0).fieldNames());
        OrgResponse malformed = query("SELEKT Id FROM Account", Map.of());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.bodyText()).contains("MALFORMED_QUERY");
        OrgResponse type = query("SELECT Id FROM Nope__c", Map.of());
        assertThat(type.bodyText()).contains("INVALID_TYPE");
        OrgResponse empty = org.call("GET", BASE + "/query", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.bodyText()).contains("MALFORMED_QUERY");
    }
}
