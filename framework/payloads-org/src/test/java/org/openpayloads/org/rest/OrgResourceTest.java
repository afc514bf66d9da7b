package org.openpayloads.org.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgRequest;
import org.openpayloads.org.OrgResponse;
import org.openpayloads.org.OrgTesting;
import org.openpayloads.org.OrgTesting.HttpOrg;

/** Every REST path over real HTTP, as an outside Salesforce client calls it. */
@Tag("database")
class OrgResourceTest {

    private static final String BASE = OrgTesting.BASE;
    private static HttpOrg http;

    @BeforeAll
    static void start() {
        http = HttpOrg.start();
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static JsonNode json(Response response) {
        return OrgTesting.parse(response.asString());
    }

    @Test
    void versionsAndResourcesNeedNoObjects() {
        http.anonymous().get("/services/data").then().statusCode(200)
                .body("find { it.version == '62.0' }.url", equalTo("/services/data/v62.0"))
                .body("find { it.version == '20.0' }.label", equalTo("Winter '11"));
        http.anonymous().get("/services/data/").then().statusCode(200);
        http.admin().get(BASE + "/").then().statusCode(200).body("sobjects", equalTo(BASE + "/sobjects"))
                .body("query", equalTo(BASE + "/query"));
        http.admin().get("/services/data/v99.0/sobjects").then().statusCode(200);
        http.admin().get("/services/data/vxx.0/sobjects").then().statusCode(404);
    }

    @Test
    void describeGlobalAndDescribe() {
        JsonNode global = json(http.admin().get(BASE + "/sobjects").then().statusCode(200).extract().response());
        JsonNode fixture = OrgTesting.parse(OrgTesting.fixture("describe-global.json"));
        assertThat(global.get("encoding")).isEqualTo(fixture.get("encoding"));
        assertThat(global.get("maxBatchSize")).isEqualTo(fixture.get("maxBatchSize"));
        JsonNode account = null;
        for (JsonNode o : global.get("sobjects")) {
            account = o.get("name").asText().equals("Account") ? o : account;
        }
        assertThat(account).isNotNull();
        for (String key : new String[] {"name", "label", "custom", "keyPrefix", "labelPlural", "createable"}) {
            assertThat(account.get(key)).as(key).isEqualTo(fixture.at("/sobjects/0/" + key));
        }
        JsonNode describe = json(http.admin().get(BASE + "/sobjects/Contact/describe").then().statusCode(200)
                .extract().response());
        JsonNode realField = OrgTesting.parse(OrgTesting.fixture("describe-account.json")).at("/fields/0");
        JsonNode ourField = describe.at("/fields/0");
        realField.fieldNames().forEachRemaining(key -> {
            if (!key.equals("aiPredictionField") && !key.equals("formulaTreatNullNumberAsZero")) {
                assertThat(ourField.has(key)).as("describe field key " + key).isTrue();
            }
        });
        JsonNode accountId = null;
        for (JsonNode f : describe.get("fields")) {
            accountId = f.get("name").asText().equals("AccountId") ? f : accountId;
        }
        assertThat(accountId.get("relationshipName").asText()).isEqualTo("Account");
        assertThat(accountId.at("/referenceTo/0").asText()).isEqualTo("Account");
        JsonNode accountDescribe = json(http.admin().get(BASE + "/sobjects/Account/describe").then().extract()
                .response());
        assertThat(accountDescribe.get("childRelationships").findValuesAsText("relationshipName"))
                .contains("Contacts", "Opportunities", "ChildAccounts");
        http.admin().get(BASE + "/sobjects/Account").then().statusCode(200).body("objectDescribe.keyPrefix",
                equalTo("001")).body("recentItems", hasSize(0));
        http.admin().get(BASE + "/sobjects/Foo/describe").then().statusCode(404).body("[0].errorCode",
                equalTo("NOT_FOUND"));
    }

    @Test
    void singleRecordsOverHttp() {
        Response created = http.admin().body("{\"Name\": \"Over HTTP\", \"Website\": \"https://example.org\"}")
                .post(BASE + "/sobjects/Account");
        created.then().statusCode(201).header("Sforce-Limit-Info", matchesPattern("api-usage=\\d+/1000000"))
                .header("Content-Type", startsWith("application/json"));
        String id = json(created).get("id").asText();
        http.admin().get(BASE + "/sobjects/Account/" + id).then().statusCode(200).body("Name", equalTo("Over HTTP"))
                .body("attributes.url", equalTo(BASE + "/sobjects/Account/" + id));
        http.admin().body("{\"Phone\": \"+1 555\"}").patch(BASE + "/sobjects/Account/" + id).then().statusCode(204);
        http.admin().delete(BASE + "/sobjects/Account/" + id).then().statusCode(204);
        http.admin().delete(BASE + "/sobjects/Account/" + id).then().statusCode(404);
    }

    @Test
    void upsertsQueriesAndLimitsOverHttp() {
        http.admin().body("{\"name\": \"Ext_Ref__c\", \"type\": \"string\", \"externalId\": true}")
                .post("/api/v1/org/objects/Account/fields").then().statusCode(201);
        String path = BASE + "/sobjects/Account/Ext_Ref__c/A%2F1%20x";
        http.admin().body("{\"Name\": \"Upserted\"}").patch(path).then().statusCode(201)
                .body("created", equalTo(true)).body("success", equalTo(true));
        http.admin().body("{\"Rating\": \"Cold\"}").patch(path).then().statusCode(200)
                .body("created", equalTo(false));
        http.admin().get(path).then().statusCode(200).body("Ext_Ref__c", equalTo("A/1 x"))
                .body("Rating", equalTo("Cold"));
        http.admin().body("{}").patch(BASE + "/sobjects/Account/Namez/x").then().statusCode(404)
                .body("[0].message", equalTo("Provided external ID field does not exist or is not accessible: Namez"));
        http.admin().body("{\"LastName\": \"One\", \"Email\": \"same@example.org\"}").post(BASE
                + "/sobjects/Contact").then().statusCode(201);
        http.admin().body("{\"LastName\": \"Two\", \"Email\": \"same@example.org\"}").post(BASE
                + "/sobjects/Contact").then().statusCode(201);
        http.admin().body("{}").patch(BASE + "/sobjects/Contact/Email/same%40example.org").then().statusCode(300)
                .body("$", hasSize(2));
        http.admin().queryParam("q", "SELECT+Name,Rating+FROM+Account+WHERE+Ext_Ref__c+=+'A/1+x'")
                .get(BASE + "/query").then().statusCode(200).body("totalSize", equalTo(1))
                .body("records[0].Name", equalTo("Upserted"))
                .body("records[0].attributes.type", equalTo("Account"));
        http.admin().queryParam("q", "SELECT+Nope+FROM+Account").get(BASE + "/query/").then().statusCode(400)
                .body("[0].errorCode", equalTo("INVALID_FIELD"));
        http.admin().get(BASE + "/query/01gnothing-2000").then().statusCode(400);
        http.admin().get(BASE + "/limits").then().statusCode(200).body("DailyApiRequests.Max", equalTo(1000000));
        http.admin().head(BASE + "/limits").then().statusCode(200);
        http.anonymous().get(BASE + "/limits").then().statusCode(401)
                .body("[0].errorCode", equalTo("INVALID_SESSION_ID"));
        http.anonymous().get("/api/v1/org/objects").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void malformedBodiesAreSalesforceErrorsNeverFrameworkPages() {
        http.admin().body("{\"Name\": ").post(BASE + "/sobjects/Account").then().statusCode(400)
                .body("[0].errorCode", equalTo("JSON_PARSER_ERROR"));
        http.admin().body("[1,2]").post(BASE + "/composite/sobjects").then().statusCode(400)
                .body("[0].errorCode", equalTo("JSON_PARSER_ERROR"));
        http.admin().contentType("text/plain").body("nonsense").post(BASE + "/composite").then().statusCode(400)
                .body("[0].errorCode", equalTo("JSON_PARSER_ERROR"));
        http.admin().body("{\"name\": ").post("/api/v1/org/objects").then().statusCode(400)
                .body("error.code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void inProcessAndHttpAnswerAlike() {
        String body = "{\"Name\": \"Same\"}";
        Response overHttp = http.admin().body(body).post(BASE + "/sobjects/Account");
        OrgResponse inProcess = http.open.org.handle(new OrgRequest("POST", BASE + "/sobjects/Account", null,
                Map.of("Authorization", "Bearer " + OrgTesting.ADMIN_TOKEN), body.getBytes(StandardCharsets.UTF_8),
                http.baseUrl()));
        assertThat(inProcess.status()).isEqualTo(overHttp.statusCode());
        assertThat(json(overHttp).fieldNames()).toIterable().containsExactlyElementsOf(() ->
                OrgTesting.parse(inProcess.bodyText()).fieldNames());
        String missing = BASE + "/sobjects/Account/001000000000999AAA";
        Response httpMissing = http.admin().get(missing);
        OrgResponse processMissing = http.open.call("GET", missing, "");
        assertThat(processMissing.status()).isEqualTo(httpMissing.statusCode());
        assertThat(processMissing.bodyText()).isEqualTo(httpMissing.asString());
        assertThat(processMissing.headers().get("Content-Type")).isEqualTo(httpMissing.header("Content-Type"));
    }

    @Test
    void oauthGrantsIssueSessionsThatWork() {
        JsonNode app = json(http.admin().body("{\"name\": \"Connector\"}").post("/api/v1/org/connected-apps")
                .then().statusCode(201).extract().response());
        String clientId = app.get("clientId").asText();
        String secret = app.get("clientSecret").asText();
        http.admin().get("/api/v1/org/connected-apps").then().statusCode(200)
                .body("items.find { it.clientId == '" + clientId + "' }.name", equalTo("Connector"))
                .body("items.find { it.clientId == '" + clientId + "' }.clientSecret", equalTo(null));

        Response token = http.anonymous().contentType("application/x-www-form-urlencoded")
                .body("grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret)
                .post("/services/oauth2/token");
        token.then().statusCode(200);
        JsonNode issued = json(token);
        JsonNode fixture = OrgTesting.parse(OrgTesting.fixture("oauth-token-success.json"));
        fixture.fieldNames().forEachRemaining(key -> assertThat(issued.has(key)).as(key).isTrue());
        assertThat(issued.get("instance_url").asText()).isEqualTo(http.baseUrl());
        assertThat(issued.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(issued.get("id").asText()).startsWith(http.baseUrl() + "/id/00D");
        String session = issued.get("access_token").asText();
        http.as(session).get(BASE + "/sobjects").then().statusCode(200);

        JsonNode user = json(http.admin().body("{\"username\": \"ann@example.org\", \"email\": \"ann@example.org\", "
                + "\"lastName\": \"Ann\", \"password\": \"correct horse\"}").post("/api/v1/org/users").then()
                .statusCode(201).extract().response());
        assertThat(user.get("id").asText()).startsWith("005");
        http.admin().get("/api/v1/org/users").then().statusCode(200).body("items.username",
                org.hamcrest.Matchers.hasItem("ann@example.org"));
        String form = "grant_type=password&client_id=" + clientId + "&client_secret=" + secret
                + "&username=ann%40example.org&password=";
        http.anonymous().contentType("application/x-www-form-urlencoded").body(form + "correct+horse")
                .post("/services/oauth2/token").then().statusCode(200).body("token_type", equalTo("Bearer"));
        Response wrong = http.anonymous().contentType("application/x-www-form-urlencoded").body(form + "wrong")
                .post("/services/oauth2/token");
        wrong.then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertThat(json(wrong).fieldNames()).toIterable().containsExactly("error", "error_description");
        http.anonymous().contentType("application/x-www-form-urlencoded").body("grant_type=client_credentials"
                + "&client_id=" + clientId + "&client_secret=nope").post("/services/oauth2/token").then()
                .statusCode(400).body("error", equalTo("invalid_client"));
        http.anonymous().contentType("application/x-www-form-urlencoded").body("grant_type=client_credentials"
                + "&client_id=nobody&client_secret=nope").post("/services/oauth2/token").then()
                .statusCode(400).body("error", equalTo("invalid_client_id"));
        http.anonymous().contentType("application/x-www-form-urlencoded").body("grant_type=magic")
                .post("/services/oauth2/token").then().statusCode(400).body("error", equalTo("unsupported_grant_type"));

        http.admin().delete("/api/v1/org/connected-apps/" + clientId).then().statusCode(204);
        http.anonymous().contentType("application/x-www-form-urlencoded").body("grant_type=client_credentials"
                + "&client_id=" + clientId + "&client_secret=" + secret).post("/services/oauth2/token").then()
                .statusCode(400).body("error", equalTo("invalid_client_id"));
    }

    @Test
    void collectionsCreateUpdateRetrieveAndDelete() {
        String create = OrgTesting.fixture("collections-insert-request.json");
        JsonNode created = json(http.admin().body(create).post(BASE + "/composite/sobjects").then().statusCode(200)
                .extract().response());
        JsonNode fixture = OrgTesting.parse(OrgTesting.fixture("collections-insert-response.json"));
        assertThat(created.get(0).fieldNames()).toIterable().containsExactlyElementsOf(() ->
                fixture.get(0).fieldNames());
        String id = created.at("/0/id").asText();
        String update = """
                {"allOrNone": false, "records": [
                  {"attributes": {"type": "Account"}, "Id": "%s", "Rating": "Hot"},
                  {"attributes": {"type": "Account"}, "Id": "001000000000999AAA", "Rating": "Hot"},
                  {"attributes": {"type": "Account"}, "Id": "bad", "Rating": "Hot"},
                  {"attributes": {"type": "Account"}, "Rating": "Hot"},
                  {"attributes": {"type": "Nope"}, "Id": "%s"}
                ]}""".formatted(id, id);
        JsonNode updated = json(http.admin().body(update).patch(BASE + "/composite/sobjects").then().statusCode(200)
                .extract().response());
        assertThat(updated.get(0).get("success").asBoolean()).isTrue();
        assertThat(updated.get(0).has("created")).isFalse();
        assertThat(updated.findValuesAsText("statusCode")).containsExactly("ENTITY_IS_DELETED", "MALFORMED_ID",
                "MISSING_ARGUMENT", "INVALID_TYPE");
        http.admin().get(BASE + "/composite/sobjects/Account?ids=" + id + ",001000000000999AAA&fields=Name,Rating")
                .then().statusCode(200).body("[0].Rating", equalTo("Hot")).body("[1]", equalTo(null));
        http.admin().delete(BASE + "/composite/sobjects").then().statusCode(400).body("[0].message",
                equalTo("At least 1 Id is required."));
        JsonNode deleted = json(http.admin().delete(BASE + "/composite/sobjects?ids=" + id + ",bad&allOrNone=true")
                .then().statusCode(200).extract().response());
        assertThat(deleted.findValuesAsText("statusCode")).containsExactly("ALL_OR_NONE_OPERATION_ROLLED_BACK",
                "MALFORMED_ID");
        http.admin().delete(BASE + "/composite/sobjects?ids=" + id).then().statusCode(200)
                .body("[0].success", equalTo(true)).body("[0].id", equalTo(id));
    }

    @Test
    void collectionsRefuseMoreThan200Records() {
        StringBuilder body = new StringBuilder("{\"records\": [");
        for (int i = 0; i < 201; i++) {
            body.append(i > 0 ? "," : "").append("{\"attributes\": {\"type\": \"Account\"}, \"Name\": \"n\"}");
        }
        body.append("]}");
        http.admin().body(body.toString()).post(BASE + "/composite/sobjects").then().statusCode(400)
                .body("[0].errorCode", equalTo("EXCEEDED_ID_LIMIT"));
    }

    @Test
    void collectionsUpsertByEmailAsRecorded() {
        JsonNode first = json(http.admin().body(OrgTesting.fixture("collections-upsert-by-extid-request.json"))
                .patch(BASE + "/composite/sobjects/Contact/Email").then().statusCode(200).extract().response());
        assertThat(first).hasSize(16);
        assertThat(first.findValuesAsText("created")).containsOnly("true");
        JsonNode second = json(http.admin().body(OrgTesting.fixture("collections-upsert-by-extid-mixed-request.json"))
                .patch(BASE + "/composite/sobjects/Contact/Email").then().statusCode(200).extract().response());
        JsonNode recorded = OrgTesting.parse(OrgTesting.fixture("collections-upsert-by-extid-response-mixed.json"));
        for (int i = 0; i < recorded.size(); i++) {
            assertThat(second.get(i).get("created")).isEqualTo(recorded.get(i).get("created"));
            assertThat(second.get(i).get("success").asBoolean()).isTrue();
        }
        // Nichael's e-mail matched Michael's record (without case), recorded first as number 11.
        assertThat(second.at("/0/id")).isEqualTo(first.at("/10/id"));
        JsonNode byId = json(http.admin().body(OrgTesting.fixture("collections-upsert-by-id-null-request.json"))
                .patch(BASE + "/composite/sobjects/Account/Id").then().statusCode(200).extract().response());
        assertThat(byId.at("/0/created").asBoolean()).isTrue();
        http.admin().body("{\"records\": []}").patch(BASE + "/composite/sobjects/Account/Namez").then()
                .statusCode(404).body("[0].errorCode", equalTo("NOT_FOUND"));
    }

    @Test
    void compositeWithReferencesAndAllOrNone() {
        String request = """
                {"allOrNone": %s, "compositeRequest": [
                  {"method": "POST", "url": "/services/data/v62.0/sobjects/Account", "referenceId": "acct",
                   "body": {"Name": "%s"}},
                  {"method": "GET", "url": "/services/data/v62.0/sobjects/Account/@{acct.id}", "referenceId": "read"},
                  {"method": "POST", "url": "/services/data/v62.0/sobjects/Contact", "referenceId": "contact",
                   "body": {"LastName": "%s", "AccountId": "@{acct.id}"}},
                  {"method": "GET", "url": "/services/data/v62.0/query?q=SELECT+Id,Account.Name+FROM+Contact+WHERE+Id='@{contact.id}'",
                   "referenceId": "q"},
                  {"method": "GET", "url": "/services/data/v62.0/sobjects/Contact/@{q.records[0].Id}", "referenceId": "c2"}
                ]}""";
        JsonNode ok = json(http.admin().body(request.formatted("true", "Composite Co", "Smith"))
                .post(BASE + "/composite").then().statusCode(200).extract().response());
        JsonNode responses = ok.get("compositeResponse");
        assertThat(responses.findValuesAsText("httpStatusCode")).containsExactly("201", "200", "201", "200", "200");
        assertThat(responses.at("/0/httpHeaders/Location").asText()).startsWith(BASE + "/sobjects/Account/001");
        assertThat(responses.at("/1/body/Name").asText()).isEqualTo("Composite Co");
        assertThat(responses.at("/3/body/records/0/Account/Name").asText()).isEqualTo("Composite Co");
        assertThat(responses.at("/4/body/LastName").asText()).isEqualTo("Smith");
        assertThat(responses.at("/4/referenceId").asText()).isEqualTo("c2");

        JsonNode failed = json(http.admin().body(request.formatted("true", "Rolled Back Co", "x".repeat(100)))
                .post(BASE + "/composite").then().statusCode(200).extract().response()).get("compositeResponse");
        assertThat(failed.findValuesAsText("httpStatusCode")).containsOnly("400");
        assertThat(failed.at("/0/body/0/errorCode").asText()).isEqualTo("PROCESSING_HALTED");
        assertThat(failed.at("/0/body/0/message").asText()).isEqualTo(OrgTesting.parse(OrgTesting.fixture(
                "composite-allornone-failure-response.json")).at("/compositeResponse/0/body/0/message").asText());
        assertThat(failed.at("/2/body/0/errorCode").asText()).isEqualTo("STRING_TOO_LONG");
        JsonNode none = json(http.admin().get(BASE + "/query?q=SELECT+COUNT()+FROM+Account+WHERE+Name='Rolled+Back+Co'")
                .then().statusCode(200).extract().response());
        assertThat(none.get("totalSize").asInt()).isZero();

        JsonNode partial = json(http.admin().body(request.formatted("false", "Kept Co", "x".repeat(100)))
                .post(BASE + "/composite").then().statusCode(200).extract().response()).get("compositeResponse");
        assertThat(partial.findValuesAsText("httpStatusCode")).containsExactly("201", "200", "400", "400", "400");
        assertThat(partial.at("/3/body/0/message").asText()).contains("Invalid reference specified");
    }

    @Test
    void compositeAsRecordedByCumulusCi() {
        String request = OrgTesting.fixture("composite-error-invalid_type-request.json").replace("vxx.0", "v62.0");
        JsonNode responses = json(http.admin().body(request).post(BASE + "/composite").then().statusCode(200)
                .extract().response()).get("compositeResponse");
        assertThat(responses.at("/0/httpStatusCode").asInt()).isEqualTo(200);
        assertThat(responses.at("/0/body/records")).isEmpty();
        assertThat(responses.at("/1/body/0/errorCode").asText()).isEqualTo("INVALID_TYPE");
        String notFound = OrgTesting.fixture("composite-error-not_found-request.json").replace("vxx.0", "v62.0");
        JsonNode missing = json(http.admin().body(notFound).post(BASE + "/composite").then().statusCode(200)
                .extract().response());
        assertThat(missing).isEqualTo(OrgTesting.parse(OrgTesting.fixture("composite-error-not_found-response.json")));
    }
}
