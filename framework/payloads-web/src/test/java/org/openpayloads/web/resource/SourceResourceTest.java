package org.openpayloads.web.resource;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpayloads.web.TestServer;

class SourceResourceTest {

    private static final String SOURCES = "/api/v1/integrations/stripe/payloads/customers/sources";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"stripe\"}").post("/api/v1/integrations")
                .then().statusCode(201);
        server.given().contentType(ContentType.JSON)
                .body("{\"apiName\":\"customers\",\"label\":\"Customers\",\"direction\":\"OUTBOUND\"}")
                .post("/api/v1/integrations/stripe/payloads").then().log().ifValidationFails().statusCode(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createsReadsReplacesPatchesAndDeletesASource() {
        server.given().contentType(ContentType.JSON).body("""
                {"apiName":"accounts","label":"Accounts","object":"Account","filter":"Stripe_Id__c != null",
                 "mappings":[{"field":"$.name","sourceType":"FIELD","value":"Name"}]}""")
                .post(SOURCES)
                .then().log().ifValidationFails().statusCode(201).header("Location", endsWith(SOURCES + "/accounts"))
                .body("order", equalTo(0));
        server.given().get(SOURCES).then().statusCode(200).body("items", hasSize(1));

        server.given().contentType(ContentType.JSON).body("""
                {"label":"All accounts","query":"SELECT Id, Name FROM Account","mappings":[]}""")
                .put(SOURCES + "/accounts")
                .then().log().ifValidationFails().statusCode(200)
                .body("apiName", equalTo("accounts")).body("query", equalTo("SELECT Id, Name FROM Account"));
        server.given().contentType(ContentType.JSON).body("{\"order\":40}").patch(SOURCES + "/accounts")
                .then().statusCode(200).body("order", equalTo(40)).body("label", equalTo("All accounts"));

        server.given().delete(SOURCES + "/accounts").then().statusCode(204);
        server.given().get(SOURCES + "/accounts").then().statusCode(404);
    }

    @Test
    void anInboundMappingSourceTypeIsA422NamingTheMapping() {
        server.given().contentType(ContentType.JSON).body("""
                {"apiName":"bad","label":"Bad","object":"Account",
                 "mappings":[{"field":"$.name","sourceType":"ELEMENT","value":"$.x"}]}""")
                .post(SOURCES)
                .then().statusCode(422).body("error.fields[0].field", equalTo("mappings[0].sourceType"));
    }
}
