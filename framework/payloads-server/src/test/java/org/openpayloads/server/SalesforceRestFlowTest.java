package org.openpayloads.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A client following Salesforce's REST docs against the running server's embedded org. */
@Tag("database")
class SalesforceRestFlowTest {

    @RegisterExtension
    static final ServerExtension api = new ServerExtension();

    private static final String DATA = "/services/data/v62.0";

    @Test
    void getsATokenUpsertsAccountsByExternalIdAndQueriesThemBack() {
        api.admin().body("{\"name\":\"Ext_Id__c\",\"label\":\"Ext\",\"type\":\"string\",\"externalId\":true}")
                .post("/api/v1/org/objects/Account/fields").then().statusCode(201);
        var app = api.admin().body("{\"name\":\"curl\"}").post("/api/v1/org/connected-apps").then().statusCode(201)
                .extract();

        String clientId = app.path("clientId");
        String clientSecret = app.path("clientSecret");
        var token = given().port(api.server().server().port()).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", clientSecret)
                .post("http://localhost/services/oauth2/token").then().statusCode(200)
                .body("token_type", equalTo("Bearer")).body("instance_url", startsWith("http://localhost:"))
                .extract();
        String session = token.path("access_token");

        org(session).body("{\"Name\":\"Acme\"}").patch(DATA + "/sobjects/Account/Ext_Id__c/A-1").then()
                .statusCode(201).body("created", equalTo(true)).body("id", matchesPattern("001[A-Za-z0-9]{15}"))
                .header("Sforce-Limit-Info", startsWith("api-usage="));
        org(session).body("{\"Name\":\"Acme Corp\"}").patch(DATA + "/sobjects/Account/Ext_Id__c/A-1").then()
                .statusCode(200).body("created", equalTo(false));
        org(session).body("{\"Name\":\"Globex\"}").patch(DATA + "/sobjects/Account/Ext_Id__c/A-2").then()
                .statusCode(201);
        org(session).queryParam("q", "SELECT Name, Ext_Id__c FROM Account WHERE Ext_Id__c != null ORDER BY Name")
                .get(DATA + "/query").then().statusCode(200).body("totalSize", equalTo(2))
                .body("records", hasSize(2)).body("records[0].Name", equalTo("Acme Corp"))
                .body("records[0].attributes.type", equalTo("Account"));
    }

    @Test
    void theAdminTokenIsAnOrgAdministratorsSessionAndAnythingElseIs401() {
        org(TestServer.ADMIN_TOKEN).get(DATA + "/sobjects/Account/describe").then().statusCode(200)
                .body("name", equalTo("Account")).body("keyPrefix", equalTo("001"));
        org("00D000000000001!bogus").get(DATA + "/sobjects").then().statusCode(401)
                .body("[0].errorCode", equalTo("INVALID_SESSION_ID"));
        org(TestServer.ADMIN_TOKEN).queryParam("q", "SELECT Id FROM Account WHERE Name = 'x' OR").get(DATA + "/query")
                .then().statusCode(400).body("[0].errorCode", equalTo("MALFORMED_QUERY"));
    }

    private static RequestSpecification org(String session) {
        return given().baseUri("http://localhost").port(api.server().server().port())
                .header("Authorization", "Bearer " + session).contentType(ContentType.JSON);
    }
}
