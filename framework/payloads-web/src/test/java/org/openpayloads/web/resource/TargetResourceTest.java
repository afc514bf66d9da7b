package org.openpayloads.web.resource;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpayloads.web.TestServer;

class TargetResourceTest {

    private static final String TARGETS = "/api/v1/integrations/stripe/payloads/charge/targets";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"stripe\"}").post("/api/v1/integrations")
                .then().statusCode(201);
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"charge\",\"label\":\"Charge\"}")
                .post("/api/v1/integrations/stripe/payloads").then().statusCode(201);
        create("account", "Account");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void create(String apiName, String object) {
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"" + apiName + "\",\"object\":\"" + object
                        + "\",\"operation\":\"INSERT\",\"mappings\":[{\"field\":\"Name\",\"sourceType\":\"STATIC\","
                        + "\"value\":\"x\"}]}")
                .post(TARGETS)
                .then().log().ifValidationFails().statusCode(201).header("Location", endsWith(TARGETS + "/" + apiName));
    }

    @Test
    void aNewTargetGetsItsPositionTimesTenAsOrder() {
        create("contact", "Contact");

        server.given().get(TARGETS + "/contact").then().statusCode(200)
                .body("order", equalTo(10)).body("label", equalTo("contact"));
        server.given().get(TARGETS).then().statusCode(200).body("items.apiName", hasItem("account"));
    }

    @Test
    void replacesAndPatchesATarget() {
        create("opportunity", "Opportunity");

        server.given().contentType(ContentType.JSON).body("""
                {"object":"Opportunity","operation":"UPSERT","externalIdField":"Ext__c","order":50,
                 "mappings":[{"field":"Ext__c","sourceType":"ELEMENT","value":"$.id"}]}""")
                .put(TARGETS + "/opportunity")
                .then().log().ifValidationFails().statusCode(200)
                .body("apiName", equalTo("opportunity")).body("operation", equalTo("UPSERT")).body("order", equalTo(50));
        server.given().contentType(ContentType.JSON).body("{\"label\":\"Deal\",\"condition\":\"true\"}")
                .patch(TARGETS + "/opportunity")
                .then().statusCode(200).body("label", equalTo("Deal")).body("externalIdField", equalTo("Ext__c"));
    }

    @Test
    void errorsNameTheFieldsOfTheTargetSent() {
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"bad\",\"object\":\"Account\",\"operation\":\"UPSERT\"}")
                .post(TARGETS)
                .then().statusCode(422).body("error.fields[0].field", equalTo("externalIdField"));
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"bad\",\"operation\":\"MERGE\"}")
                .post(TARGETS)
                .then().statusCode(422).body("error.fields[0].field", equalTo("operation"));
        server.given().contentType(ContentType.JSON).body("""
                {"apiName":"bad","object":"Account","operation":"INSERT","onTooLong":"CUT"}""")
                .post(TARGETS)
                .then().statusCode(422).body("error.fields[0].field", equalTo("onTooLong"))
                .body("error.fields[0].message", equalTo("'CUT' is not a too-long behaviour; expected one of "
                        + "TRUNCATE, FAIL"));
    }

    @Test
    void keepsAndPatchesATargetsTooLongRule() {
        create("note", "Note");
        server.given().get(TARGETS + "/note").then().statusCode(200).body("onTooLong", equalTo("FAIL"));

        server.given().contentType(ContentType.JSON).body("{\"onTooLong\":\"TRUNCATE\"}")
                .patch(TARGETS + "/note")
                .then().log().ifValidationFails().statusCode(200).body("onTooLong", equalTo("TRUNCATE"));
        server.given().get(TARGETS + "/note").then().statusCode(200).body("onTooLong", equalTo("TRUNCATE"));
    }

    @Test
    void aDuplicateTargetIsA409() {
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"account\",\"object\":\"Account\",\"operation\":\"INSERT\"}")
                .post(TARGETS).then().statusCode(409).body("error.fields[0].field", equalTo("apiName"));
    }

    @Test
    void deletesATarget() {
        create("task", "Task");

        server.given().delete(TARGETS + "/task").then().statusCode(204);
        server.given().get(TARGETS + "/task").then().statusCode(404)
                .body("error.message", equalTo("No target 'stripe/charge/task' exists"));
    }
}
