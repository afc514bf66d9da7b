package org.openpayloads.web.resource;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpayloads.web.TestServer;

class PayloadResourceTest {

    private static final String CHARGE = """
            {"apiName":"charge","label":"Charge",
             "elements":[{"name":"data","path":"$.data","dataType":"OBJECT",
                          "children":[{"name":"id","path":"$.data.id"}]}],
             "targets":[{"apiName":"account","object":"Account","operation":"UPSERT","externalIdField":"Ext__c",
                         "mappings":[{"field":"Ext__c","sourceType":"ELEMENT","value":"$.data.id"}]}]}""";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"stripe\"}").post("/api/v1/integrations")
                .then().statusCode(201);
        server.given().contentType(ContentType.JSON).body(CHARGE).post("/api/v1/integrations/stripe/payloads")
                .then().log().ifValidationFails().statusCode(201)
                .header("Location", endsWith("/api/v1/integrations/stripe/payloads/charge"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPayloadShowsItsWholeTreeAndItsDefaults() {
        server.given().get("/api/v1/integrations/stripe/payloads/charge")
                .then().statusCode(200)
                .body("direction", equalTo("INBOUND"))
                .body("kind", equalTo("API_PUSH"))
                .body("contentType", equalTo("JSON"))
                .body("active", equalTo(true))
                .body("allowPartialSuccess", equalTo(false))
                .body("auth.type", equalTo("NONE"))
                .body("elements[0].children[0].dataType", equalTo("STRING"))
                .body("targets[0].order", equalTo(0))
                .body("targets[0].mappings[0].nullRule", equalTo("IGNORE"))
                .body("sources", hasSize(0));
        server.given().get("/api/v1/integrations/stripe/payloads")
                .then().statusCode(200).body("items.apiName", org.hamcrest.Matchers.hasItem("charge"));
    }

    @Test
    void patchActiveFalseDeactivatesThePayload() {
        server.given().contentType(ContentType.JSON).body("{\"active\":false}")
                .patch("/api/v1/integrations/stripe/payloads/charge")
                .then().log().ifValidationFails().statusCode(200)
                .body("active", equalTo(false))
                .body("targets[0].apiName", equalTo("account"));
        server.given().get("/api/v1/integrations/stripe/payloads/charge").then().body("active", equalTo(false));
        server.given().contentType(ContentType.JSON).body("{\"active\":true}")
                .patch("/api/v1/integrations/stripe/payloads/charge").then().statusCode(200);
    }

    @Test
    void anUnknownContentTypeIsA422NamingTheAllowedOnes() {
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"yaml\",\"label\":\"Y\",\"contentType\":\"YAML\"}")
                .post("/api/v1/integrations/stripe/payloads")
                .then().statusCode(422)
                .body("error.code", equalTo("VALIDATION_FAILED"))
                .body("error.fields[0].field", equalTo("contentType"))
                .body("error.fields[0].message", equalTo("'YAML' is not a content type; expected one of JSON, "
                        + "FORM_URL_ENCODED, XML, TEXT"));
    }

    @Test
    void aMediaTypeIsAcceptedAsContentType() {
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"form\",\"label\":\"F\","
                        + "\"contentType\":\"application/x-www-form-urlencoded\"}")
                .post("/api/v1/integrations/stripe/payloads")
                .then().statusCode(201).body("contentType", equalTo("FORM_URL_ENCODED"));
    }

    @Test
    void validationErrorsNameTheirFields() {
        server.given().contentType(ContentType.JSON).body("""
                {"apiName":"bad","label":"Bad","targets":[{"apiName":"t","object":"Account"}]}""")
                .post("/api/v1/integrations/stripe/payloads")
                .then().statusCode(422).body("error.fields.field", org.hamcrest.Matchers.hasItem("targets[0].operation"));
    }

    @Test
    void elementsAreReadAndReplacedAsAWholeTree() {
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"tree\",\"label\":\"Tree\"}")
                .post("/api/v1/integrations/stripe/payloads").then().statusCode(201);

        server.given().contentType(ContentType.JSON).body("{\"items\":[{\"name\":\"id\",\"path\":\"$.id\"}]}")
                .put("/api/v1/integrations/stripe/payloads/tree/elements")
                .then().log().ifValidationFails().statusCode(200).body("items[0].name", equalTo("id"));
        server.given().contentType(ContentType.JSON)
                .body("[{\"name\":\"a\",\"path\":\"$.a\"},{\"name\":\"b\",\"path\":\"$.b\",\"dataType\":\"NUMBER\"}]")
                .put("/api/v1/integrations/stripe/payloads/tree/elements")
                .then().statusCode(200).body("items", hasSize(2));
        server.given().get("/api/v1/integrations/stripe/payloads/tree/elements")
                .then().statusCode(200).body("items[1].dataType", equalTo("NUMBER"));
        server.given().contentType(ContentType.JSON).body("[{\"name\":\"a\",\"path\":\"a\"}]")
                .put("/api/v1/integrations/stripe/payloads/tree/elements")
                .then().statusCode(422).body("error.fields[0].field", equalTo("elements[0].path"));
    }

    @Test
    void anUnknownIntegrationOrPayloadIsA404() {
        server.given().get("/api/v1/integrations/nope/payloads")
                .then().statusCode(404).body("error.message", equalTo("No integration 'nope' exists"));
        server.given().get("/api/v1/integrations/stripe/payloads/nope")
                .then().statusCode(404).body("error.message", equalTo("No payload 'stripe/nope' exists"));
    }

    @Test
    void deletesAPayload() {
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"gone\",\"label\":\"Gone\"}")
                .post("/api/v1/integrations/stripe/payloads").then().statusCode(201);

        server.given().delete("/api/v1/integrations/stripe/payloads/gone").then().statusCode(204);
        server.given().get("/api/v1/integrations/stripe/payloads/gone").then().statusCode(404);
    }

    @Test
    void aPutWithoutBodyIsA400() {
        server.given().contentType(ContentType.JSON).put("/api/v1/integrations/stripe/payloads/charge")
                .then().statusCode(400).body("error.message", containsString("a JSON body is required"));
    }
}
