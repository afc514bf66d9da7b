package org.openpayloads.org.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgResponse;
import org.openpayloads.org.OrgTesting;
import org.openpayloads.org.OrgTesting.OpenOrg;

/** The admin API under /api/v1/org, and its error form. */
@Tag("database")
class AdminEndpointsTest {

    private static OpenOrg org;

    @BeforeAll
    static void open() {
        org = OpenOrg.create(1000);
    }

    @AfterAll
    static void close() {
        org.close();
    }

    private static JsonNode adminError(OrgResponse response, int status, String code) {
        assertThat(response.status()).as(response.bodyText()).isEqualTo(status);
        JsonNode error = OrgTesting.parse(response.bodyText()).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("fields").isArray()).isTrue();
        return error;
    }

    @Test
    void objectsAndFieldsRoundTrip() {
        OrgResponse created = org.call("POST", "/api/v1/org/objects", """
                {"name": "Project__c", "label": "Project", "labelPlural": "Projects",
                 "fields": [{"name": "Budget__c", "type": "currency", "precision": 12, "scale": 2, "required": true}]}""");
        assertThat(created.status()).isEqualTo(201);
        JsonNode object = OrgTesting.parse(created.bodyText());
        assertThat(object.get("keyPrefix").asText()).startsWith("a");
        assertThat(object.get("custom").asBoolean()).isTrue();
        assertThat(org.json("GET", "/api/v1/org/objects", "").get("items").findValuesAsText("name"))
                .contains("Account", "Project__c");
        assertThat(org.json("GET", "/api/v1/org/objects/project__c", "").get("labelPlural").asText())
                .isEqualTo("Projects");
        assertThat(org.call("PUT", "/api/v1/org/objects/Project__c", "{\"label\": \"Job\", \"labelPlural\": \"Jobs\"}")
                .status()).isEqualTo(200);
        OrgResponse field = org.call("POST", "/api/v1/org/objects/Project__c/fields",
                "{\"name\": \"Code__c\", \"type\": \"string\", \"externalId\": true, \"length\": 20}");
        assertThat(field.status()).isEqualTo(201);
        assertThat(OrgTesting.parse(field.bodyText()).get("unique").asBoolean()).isTrue();
        assertThat(org.json("GET", "/api/v1/org/objects/Project__c/fields/Code__c", "").get("length").asInt())
                .isEqualTo(20);
        assertThat(org.call("PUT", "/api/v1/org/objects/Project__c/fields/Code__c",
                "{\"type\": \"string\", \"externalId\": true, \"length\": 40, \"label\": \"Code\"}").status())
                .isEqualTo(200);
        assertThat(org.json("GET", "/api/v1/org/objects/Project__c/fields", "").get("items")
                .findValuesAsText("name")).contains("Budget__c", "Code__c", "Id");
        assertThat(org.call("DELETE", "/api/v1/org/objects/Project__c/fields/Code__c", "").status()).isEqualTo(204);
        assertThat(org.call("DELETE", "/api/v1/org/objects/Project__c", "").status()).isEqualTo(204);
        adminError(org.call("GET", "/api/v1/org/objects/Project__c", ""), 404, "NOT_FOUND");
    }

    @Test
    void errorsNameTheFieldTheValueAndTheExpectation() {
        JsonNode invalid = adminError(org.call("POST", "/api/v1/org/objects", """
                {"name": "Thing__c", "colour": "red", "fields": [{"name": "X__c", "type": "text", "length": "9"}]}"""),
                422, "VALIDATION_FAILED");
        assertThat(invalid.get("fields").findValuesAsText("field")).containsExactly("colour", "fields[0].length");
        assertThat(invalid.get("fields").get(0).get("message").asText()).contains("Unknown property 'colour'");
        JsonNode badType = adminError(org.call("POST", "/api/v1/org/objects", """
                {"name": "Thing__c", "fields": [{"name": "X__c", "type": "text"}]}"""), 422, "VALIDATION_FAILED");
        assertThat(badType.at("/fields/0/field").asText()).isEqualTo("fields[0].type");
        assertThat(badType.at("/fields/0/message").asText()).contains("Invalid field type 'text'", "string");
        adminError(org.call("DELETE", "/api/v1/org/objects/Account", ""), 409, "CONFLICT");
        adminError(org.call("POST", "/api/v1/org/objects", "{"), 400, "MALFORMED_JSON");
        adminError(org.call("POST", "/api/v1/org/objects", "[]"), 400, "BAD_REQUEST");
        adminError(org.call("PATCH", "/api/v1/org/objects", "{}"), 405, "METHOD_NOT_ALLOWED");
        adminError(org.call("GET", "/api/v1/org/nothing", ""), 404, "NOT_FOUND");
        adminError(org.callAs(null, "GET", "/api/v1/org/objects", ""), 401, "UNAUTHORIZED");
        adminError(org.callAs("not-admin", "GET", "/api/v1/org/objects", ""), 401, "UNAUTHORIZED");
    }

    @Test
    void connectedAppsShowTheirSecretOnceAndUsersAreValidated() {
        OrgResponse app = org.call("POST", "/api/v1/org/connected-apps", "{\"name\": \"Once\"}");
        assertThat(app.status()).isEqualTo(201);
        JsonNode made = OrgTesting.parse(app.bodyText());
        assertThat(made.get("clientSecret").asText()).hasSize(64);
        JsonNode listed = org.json("GET", "/api/v1/org/connected-apps/" + made.get("clientId").asText(), "");
        assertThat(listed.has("clientSecret")).isFalse();
        adminError(org.call("POST", "/api/v1/org/connected-apps", "{}"), 422, "VALIDATION_FAILED");
        adminError(org.call("DELETE", "/api/v1/org/connected-apps/nope", ""), 404, "NOT_FOUND");

        JsonNode missing = adminError(org.call("POST", "/api/v1/org/users", "{\"password\": \"short\"}"), 422,
                "VALIDATION_FAILED");
        assertThat(missing.get("fields").findValuesAsText("field")).containsExactly("username", "email", "lastName",
                "password");
        String user = "{\"username\": \"bo@example.org\", \"email\": \"bo@example.org\", \"lastName\": \"Bo\"}";
        assertThat(org.call("POST", "/api/v1/org/users", user).status()).isEqualTo(201);
        adminError(org.call("POST", "/api/v1/org/users", user), 409, "CONFLICT");
        adminError(org.call("POST", "/api/v1/org/users", user.replace("bo@example.org\", \"lastName",
                "not-an-email\", \"lastName").replace("\"username\": \"bo@", "\"username\": \"bo2@")), 422,
                "VALIDATION_FAILED");
    }

    @Test
    void theDailyLimitIsEnforcedAndConfigurable() {
        JsonNode limits = org.json("GET", "/api/v1/org/limits", "");
        assertThat(limits.get("dailyApiLimit").asLong()).isEqualTo(1000);
        adminError(org.call("PUT", "/api/v1/org/limits", "{\"dailyApiLimit\": 0}"), 422, "VALIDATION_FAILED");
        adminError(org.call("PUT", "/api/v1/org/limits", "{\"dailyApiLimit\": \"many\"}"), 422, "VALIDATION_FAILED");
        long used = org.json("GET", "/api/v1/org/limits", "").get("usedToday").asLong();
        assertThat(org.call("PUT", "/api/v1/org/limits", "{\"dailyApiLimit\": " + (used + 2) + "}").status())
                .isEqualTo(200);
        assertThat(org.call("GET", OrgTesting.BASE + "/sobjects", "").status()).isEqualTo(200);
        OrgResponse last = org.call("GET", OrgTesting.BASE + "/limits", "");
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.headers().get("Sforce-Limit-Info")).isEqualTo("api-usage=" + (used + 2) + "/" + (used + 2));
        OrgResponse refused = org.call("GET", OrgTesting.BASE + "/sobjects", "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(OrgTesting.parse(refused.bodyText()).toString()).isEqualTo(
                "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
        // The admin API and the token endpoint are not API calls; a new UTC day starts from zero.
        assertThat(org.call("GET", "/api/v1/org/limits", "").status()).isEqualTo(200);
        org.clock.advance(java.time.Duration.ofDays(1));
        assertThat(org.call("GET", OrgTesting.BASE + "/sobjects", "").status()).isEqualTo(200);
        assertThat(org.call("PUT", "/api/v1/org/limits", "{\"dailyApiLimit\": 1000}").status()).isEqualTo(200);
    }
}
