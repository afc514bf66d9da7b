package org.openpayloads.org.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgResponse;
import org.openpayloads.org.OrgTesting;
import org.openpayloads.org.OrgTesting.OpenOrg;

/** The dispatcher in process: single records, upserts, every error code, sessions and limits. */
@Tag("database")
class OrgRouterTest {

    private static final String BASE = OrgTesting.BASE;
    private static OpenOrg org;

    @BeforeAll
    static void open() {
        org = OpenOrg.create();
        OrgResponse made = org.call("POST", "/api/v1/org/objects", """
                {"name": "Invoice__c", "fields": [
                  {"name": "Ext__c", "type": "string", "externalId": true, "length": 40},
                  {"name": "Code__c", "type": "string", "unique": true, "length": 10},
                  {"name": "Status__c", "type": "picklist", "picklistValues": ["Open", "Paid"]},
                  {"name": "Paid__c", "type": "boolean"},
                  {"name": "Amount__c", "type": "currency", "precision": 10, "scale": 2},
                  {"name": "Due__c", "type": "date"},
                  {"name": "Account__c", "type": "reference", "referenceTo": "Account", "masterDetail": true}
                ]}""");
        assertThat(made.status()).as(made.bodyText()).isEqualTo(201);
    }

    @AfterAll
    static void close() {
        org.close();
    }

    private static String account(String name) {
        JsonNode created = org.json("POST", BASE + "/sobjects/Account", "{\"Name\": \"" + name + "\"}");
        return created.get("id").asText();
    }

    @Test
    void createReadUpdateDeleteAnAccount() {
        OrgResponse created = org.call("POST", BASE + "/sobjects/Account", OrgTesting.fixture(
                "sobject-create-201-request.json"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = OrgTesting.parse(created.bodyText());
        String id = body.get("id").asText();
        assertThat(id).startsWith("001").hasSize(18);
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("errors")).isEmpty();

        JsonNode record = org.json("GET", BASE + "/sobjects/Account/" + id, "");
        assertThat(record.at("/attributes/type").asText()).isEqualTo("Account");
        assertThat(record.at("/attributes/url").asText()).isEqualTo(BASE + "/sobjects/Account/" + id);
        assertThat(record.get("Name").asText()).isEqualTo("xyzzy");
        assertThat(record.get("AccountNumber").asText()).isEqualTo("420");
        assertThat(record.get("CreatedDate").asText()).matches("2026-03-04T\\d\\d:\\d\\d:\\d\\d\\.123\\+0000");
        assertThat(record.get("Industry").isNull()).isTrue();
        assertThat(record.get("IsDeleted").asBoolean()).isFalse();

        assertThat(org.call("PATCH", BASE + "/sobjects/Account/" + id, "{\"Industry\": \"Banking\", "
                + "\"NumberOfEmployees\": 12}").status()).isEqualTo(204);
        JsonNode some = org.json("GET", BASE + "/sobjects/Account/" + id.substring(0, 15) + "?fields=Industry,"
                + "NumberOfEmployees", "");
        assertThat(some.get("Industry").asText()).isEqualTo("Banking");
        assertThat(some.get("NumberOfEmployees").isInt()).isTrue();
        assertThat(some.has("Name")).isFalse();

        assertThat(org.call("DELETE", BASE + "/sobjects/Account/" + id, "").status()).isEqualTo(204);
        OrgResponse gone = org.call("GET", BASE + "/sobjects/Account/" + id, "");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(OrgTesting.parse(gone.bodyText())).isEqualTo(OrgTesting.parse(OrgTesting.fixture(
                "error-describe-not_found.json")));
    }

    @Test
    void upsertCreatesThenUpdatesByExternalId() {
        String accountId = account("Upsert Co");
        OrgResponse created = org.call("PATCH", BASE + "/sobjects/Invoice__c/Ext__c/INV-1", "{\"Amount__c\": 10.5, "
                + "\"Account__c\": \"" + accountId + "\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode first = OrgTesting.parse(created.bodyText());
        assertThat(first.get("created").asBoolean()).isTrue();
        OrgResponse updated = org.call("PATCH", BASE + "/sobjects/Invoice__c/Ext__c/inv-1", "{\"Amount__c\": 11}");
        assertThat(updated.status()).isEqualTo(200);
        JsonNode second = OrgTesting.parse(updated.bodyText());
        assertThat(second.get("created").asBoolean()).isFalse();
        assertThat(second.get("id")).isEqualTo(first.get("id"));
        JsonNode byKey = org.json("GET", BASE + "/sobjects/Invoice__c/Ext__c/INV-1", "");
        assertThat(byKey.get("Amount__c").decimalValue()).isEqualByComparingTo("11.00");
        assertThat(byKey.get("Ext__c").asText()).isEqualTo("INV-1");
        assertThat(byKey.get("Paid__c").asBoolean()).isFalse();
        // Before API 46.0 an update answered 204 without a body.
        OrgResponse old = org.call("PATCH", "/services/data/v45.0/sobjects/Invoice__c/Ext__c/INV-1", "{}");
        assertThat(old.status()).isEqualTo(204);
        assertThat(old.body()).isEmpty();
    }

    @Test
    void upsertByANonUniqueLookupFieldMatchingSeveralAnswers300() {
        org.call("POST", BASE + "/sobjects/Contact", "{\"LastName\": \"A\", \"Email\": \"twice@example.com\"}");
        org.call("POST", BASE + "/sobjects/Contact", "{\"LastName\": \"B\", \"Email\": \"Twice@example.com\"}");
        OrgResponse several = org.call("PATCH", BASE + "/sobjects/Contact/Email/twice@example.com",
                "{\"Title\": \"x\"}");
        assertThat(several.status()).isEqualTo(300);
        JsonNode urls = OrgTesting.parse(several.bodyText());
        assertThat(urls).hasSize(2);
        assertThat(urls.get(0).asText()).startsWith(BASE + "/sobjects/Contact/003");
        assertThat(org.call("GET", BASE + "/sobjects/Contact/Email/twice@example.com", "").status()).isEqualTo(300);
    }

    @Test
    void upsertByAFieldThatIsNotAnExternalIdIs404() {
        OrgResponse response = org.call("PATCH", BASE + "/sobjects/Account/Namez/foo", "{}");
        assertThat(response.status()).isEqualTo(404);
        assertThat(OrgTesting.parse(response.bodyText())).isEqualTo(OrgTesting.parse(OrgTesting.fixture(
                "error-upsert-extid-field-not-found.json")));
        assertThat(org.call("PATCH", BASE + "/sobjects/Invoice__c/Amount__c/1", "{}").status()).isEqualTo(404);
    }

    @Test
    void eachErrorCodeAsSalesforceSendsIt() {
        String accountId = account("Errors Inc");
        assertError(org.call("POST", BASE + "/sobjects/Account", "{\"Industry\": \"Banking\"}"), 400,
                "REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]");
        assertThat(OrgTesting.parse(org.call("POST", BASE + "/sobjects/Account", "{}").bodyText()))
                .isEqualTo(OrgTesting.parse(OrgTesting.fixture("error-required_field_missing.json")));
        assertError(org.call("POST", BASE + "/sobjects/Account", "{\"Name\": \"x\", \"foo\": 1}"), 400,
                "INVALID_FIELD", "No such column 'foo' on sobject of type Account");
        assertError(org.call("POST", BASE + "/sobjects/Account", "{\"Name\": \"" + "x".repeat(256) + "\"}"), 400,
                "STRING_TOO_LONG", "Account Name: data value too large");
        assertError(org.call("POST", BASE + "/sobjects/Account", "{\"Name\": \"x\""), 400, "JSON_PARSER_ERROR",
                "Unexpected end-of-input");
        assertError(org.call("POST", BASE + "/sobjects/Invoice__c", "{\"Account__c\": \"" + accountId
                + "\", \"Paid__c\": \"yes\"}"), 400, "JSON_PARSER_ERROR", "Cannot deserialize instance of boolean "
                + "from VALUE_STRING value yes");
        assertError(org.call("POST", BASE + "/sobjects/Invoice__c", "{\"Account__c\": \"" + accountId
                + "\", \"Status__c\": \"Lost\"}"), 400, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                "Status: bad value for restricted picklist field: Lost");
        assertError(org.call("POST", BASE + "/sobjects/Invoice__c", "{\"Account__c\": \"not-an-id\"}"), 400,
                "MALFORMED_ID", "Account: id value of incorrect type: not-an-id");
        assertError(org.call("POST", BASE + "/sobjects/Invoice__c", "{\"Account__c\": \"001000000000999AAA\"}"),
                400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id");
        assertError(org.call("POST", BASE + "/sobjects/Invoice__c", "{\"Account__c\": \"" + accountId
                + "\", \"Due__c\": \"tomorrow\"}"), 400, "JSON_PARSER_ERROR", "instance of date");
        assertError(org.call("POST", BASE + "/sobjects/Invoice__c", "{\"Account__c\": \"" + accountId
                + "\", \"CreatedDate\": \"2020-01-01\"}"), 400, "INVALID_FIELD_FOR_INSERT_UPDATE", "CreatedDate");
        assertError(org.call("POST", BASE + "/sobjects/Contact", "{\"LastName\": \"x\", \"Email\": \"nope\"}"), 400,
                "INVALID_EMAIL_ADDRESS", "invalid email address: nope");
        assertError(org.call("GET", BASE + "/sobjects/Nope__c/describe", ""), 404, "NOT_FOUND",
                "The requested resource does not exist");
        assertError(org.call("GET", BASE + "/sobjects/Account/rid", ""), 404, "NOT_FOUND",
                "Provided external ID field does not exist or is not accessible: rid");
        assertError(org.call("PUT", BASE + "/sobjects/Account", "{}"), 405, "METHOD_NOT_ALLOWED", "PUT");
        assertError(org.call("GET", BASE + "/query?q=SELECT+Id+FROM+Nope", ""), 400, "INVALID_TYPE",
                "sObject type 'Nope' is not supported");
    }

    @Test
    void aUniqueValueTakenByAnotherRecordIsDuplicateValueAndChangesNothing() {
        String accountId = account("Unique Ltd");
        String body = "{\"Account__c\": \"" + accountId + "\", \"Code__c\": \"C-1\"}";
        assertThat(org.call("POST", BASE + "/sobjects/Invoice__c", body).status()).isEqualTo(201);
        OrgResponse again = org.call("POST", BASE + "/sobjects/Invoice__c", body.replace("C-1", "c-1"));
        assertError(again, 400, "DUPLICATE_VALUE", "duplicate value found: Code__c duplicates value on record with id");
        JsonNode count = org.json("GET", BASE + "/query?q=SELECT+COUNT()+FROM+Invoice__c+WHERE+Code__c='C-1'", "");
        assertThat(count.get("totalSize").asInt()).isEqualTo(1);
    }

    @Test
    void anUpsertThatMovesItsKeyOntoAnotherRecordIsDuplicateValue() {
        String accountId = account("Key Mover");
        String body = "{\"Account__c\": \"" + accountId + "\"}";
        assertThat(org.call("PATCH", BASE + "/sobjects/Invoice__c/Ext__c/MOVE-1", body).status()).isEqualTo(201);
        assertThat(org.call("PATCH", BASE + "/sobjects/Invoice__c/Ext__c/MOVE-2", body).status()).isEqualTo(201);
        assertError(org.call("PATCH", BASE + "/sobjects/Invoice__c/Ext__c/MOVE-2", "{\"Ext__c\": \"move-1\"}"),
                400, "DUPLICATE_VALUE", "duplicate value found: Ext__c");
    }

    @Test
    void deletingAMasterDeletesItsDetails() {
        String accountId = account("Parent Co");
        String invoice = org.json("POST", BASE + "/sobjects/Invoice__c", "{\"Account__c\": \"" + accountId + "\"}")
                .get("id").asText();
        String contact = org.json("POST", BASE + "/sobjects/Contact", "{\"LastName\": \"Kid\", \"AccountId\": \""
                + accountId + "\"}").get("id").asText();
        assertThat(org.call("DELETE", BASE + "/sobjects/Account/" + accountId, "").status()).isEqualTo(204);
        assertThat(org.call("GET", BASE + "/sobjects/Invoice__c/" + invoice, "").status()).isEqualTo(404);
        JsonNode kept = org.json("GET", BASE + "/sobjects/Contact/" + contact, "");
        assertThat(kept.get("AccountId").isNull()).isTrue();
    }

    @Test
    void aMissingUnknownOrExpiredSessionIs401() {
        JsonNode expected = OrgTesting.parse(OrgTesting.fixture("error-invalid_session_id.json"));
        OrgResponse none = org.callAs(null, "GET", BASE + "/sobjects", "");
        assertThat(none.status()).isEqualTo(401);
        assertThat(OrgTesting.parse(none.bodyText())).isEqualTo(expected);
        assertThat(org.callAs("bogus", "GET", BASE + "/sobjects", "").status()).isEqualTo(401);

        String token = session();
        assertThat(org.callAs(token, "GET", BASE + "/sobjects", "").status()).isEqualTo(200);
        org.clock.advance(Duration.ofHours(2).plusSeconds(1));
        OrgResponse expired = org.callAs(token, "GET", BASE + "/sobjects", "");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(OrgTesting.parse(expired.bodyText())).isEqualTo(expected);
    }

    private static String session() {
        var app = org.org.connectedApps().create("router test");
        String form = "grant_type=client_credentials&client_id=" + app.app().clientId() + "&client_secret="
                + app.clientSecret();
        OrgResponse response = org.org.handle(new org.openpayloads.org.OrgRequest("POST", "/services/oauth2/token",
                null, java.util.Map.of("Content-Type", "application/x-www-form-urlencoded"), form.getBytes(),
                "http://org.test"));
        assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
        return OrgTesting.parse(response.bodyText()).get("access_token").asText();
    }

    @Test
    void everyAnswerCarriesTheApiUsage() {
        OrgResponse response = org.call("GET", BASE + "/limits", "");
        assertThat(response.headers().get("Sforce-Limit-Info")).matches("api-usage=\\d+/1000000");
        JsonNode limits = OrgTesting.parse(response.bodyText());
        assertThat(limits.at("/DailyApiRequests/Max").asLong()).isEqualTo(1_000_000);
        JsonNode counts = org.json("GET", BASE + "/limits/recordCount?sObjects=User", "");
        assertThat(counts.at("/sObjects/0/name").asText()).isEqualTo("User");
        assertThat(counts.at("/sObjects/0/count").asInt()).isEqualTo(1);
    }

    static void assertError(OrgResponse response, int status, String code, String message) {
        assertThat(response.status()).as(response.bodyText()).isEqualTo(status);
        JsonNode body = OrgTesting.parse(response.bodyText());
        assertThat(body.isArray()).as(response.bodyText()).isTrue();
        assertThat(body.get(0).get("errorCode").asText()).as(response.bodyText()).isEqualTo(code);
        assertThat(body.get(0).get("message").asText()).contains(message);
    }
}
