package org.openpayloads.web.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpayloads.web.TestServer;

/** {@code POST .../payloads/{p}/preview} and {@code POST .../payloads/{p}/elements/from-sample}. */
class PayloadPreviewTest {

    private static final String PAYLOAD = "/api/v1/integrations/shop/payloads/order";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"shop\"}").post("/api/v1/integrations")
                .then().statusCode(201);
        server.given().contentType(ContentType.JSON).body("""
                {"apiName":"order","label":"Order","direction":"INBOUND","kind":"API_PUSH","contentType":"JSON",
                 "targets":[
                  {"apiName":"account","object":"Account","operation":"UPSERT","order":10,
                   "externalIdField":"Stripe_Customer_Id__c",
                   "mappings":[{"field":"Stripe_Customer_Id__c","sourceType":"ELEMENT","value":"$.customer.id"},
                               {"field":"Name","sourceType":"EXPRESSION","value":"upper($.customer.name)"},
                               {"field":"AnnualRevenue","sourceType":"EXPRESSION",
                                "value":"minorToDecimal($.amount, $.currency)"}]},
                  {"apiName":"contact","object":"Contact","operation":"INSERT","order":20,
                   "condition":"!isBlank($.customer.email)",
                   "mappings":[{"field":"LastName","sourceType":"ELEMENT","value":"$.customer.name"},
                               {"field":"Email","sourceType":"ELEMENT","value":"$.customer.email"},
                               {"field":"AccountId","sourceType":"TARGET_RESULT","reference":"account"}]}]}""")
                .post("/api/v1/integrations/shop/payloads").then().log().ifValidationFails().statusCode(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void showsTheOperationsARealRunWouldDoAndWritesNothing() {
        server.given().contentType(ContentType.JSON).body(Map.of("contentType", "application/json", "body", """
                        {"amount": 1999, "currency": "usd",
                         "customer": {"id": "cus_1", "name": "Ada Lovelace", "email": "ada@example.com"}}"""))
                .post(PAYLOAD + "/preview")
                .then().log().ifValidationFails().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("operations.action", contains("UPSERT", "INSERT"))
                .body("operations[0].externalIdField", equalTo("Stripe_Customer_Id__c"))
                .body("operations[0].match.Stripe_Customer_Id__c", equalTo("cus_1"))
                .body("operations[0].fields.Name", equalTo("ADA LOVELACE"))
                .body("operations[0].fields.AnnualRevenue", equalTo(19.99f))
                .body("operations[1].fields.AccountId", equalTo("{account.id}"))
                .body("results.success", contains(true, true));

        assertThat(server.org.writes()).isEmpty();
    }

    @Test
    void showsAFieldThatANullRuleClearsAsNull() {
        server.given().contentType(ContentType.JSON).body("""
                {"apiName":"clear","label":"Clear","direction":"INBOUND","kind":"API_PUSH","contentType":"JSON",
                 "targets":[{"apiName":"account","object":"Account","operation":"INSERT","mappings":[
                   {"field":"Name","sourceType":"ELEMENT","value":"$.name"},
                   {"field":"AnnualRevenue","sourceType":"ELEMENT","value":"$.revenue","nullRule":"CLEAR"}]}]}""")
                .post("/api/v1/integrations/shop/payloads").then().statusCode(201);

        String answer = server.given().contentType(ContentType.JSON).body("{\"body\":{\"name\":\"Acme\"}}")
                .post("/api/v1/integrations/shop/payloads/clear/preview")
                .then().statusCode(200).extract().asString();

        assertThat(answer).contains("\"fields\":{\"Name\":\"Acme\",\"AnnualRevenue\":null}");
    }

    @Test
    void takesAJsonSampleAsAJsonValueAndSkipsATargetWhoseConditionIsFalse() {
        server.given().contentType(ContentType.JSON)
                .body("{\"body\":{\"amount\":5,\"currency\":\"jpy\",\"customer\":{\"id\":\"cus_2\",\"name\":\"Bo\"}}}")
                .post(PAYLOAD + "/preview")
                .then().statusCode(200)
                .body("operations[0].fields.AnnualRevenue", equalTo(5))
                .body("operations[1].action", equalTo("SKIP"))
                .body("operations[1].reason", containsString("condition is false"));
    }

    @Test
    void aValueThatCannotBeCoercedFailsItsRecordNamingTheFieldAndPath() {
        server.given().contentType(ContentType.JSON)
                .body("{\"body\":{\"amount\":\"lots\",\"currency\":\"usd\",\"customer\":{\"id\":\"cus_3\"}}}")
                .post(PAYLOAD + "/preview")
                .then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("results[0].success", equalTo(false))
                .body("results[0].errorCode", equalTo("MAPPING_ERROR"))
                .body("results[0].message", containsString("minorToDecimal"));
    }

    @Test
    void aSampleThatIsNotValidJsonIsA422OnBody() {
        server.given().contentType(ContentType.JSON).body(Map.of("body", "{\"amount\": 1"))
                .post(PAYLOAD + "/preview")
                .then().statusCode(422)
                .body("error.fields[0].field", equalTo("body"));
        server.given().contentType(ContentType.JSON).body(Map.of("contentType", "image/png", "body", "x"))
                .post(PAYLOAD + "/preview")
                .then().statusCode(422)
                .body("error.fields[0].field", equalTo("contentType"))
                .body("error.fields[0].message", containsString("image/png"));
        server.given().contentType(ContentType.JSON).body("{}")
                .post(PAYLOAD + "/preview")
                .then().statusCode(422)
                .body("error.fields[0].field", equalTo("body"));
    }

    @Test
    void deepNestingAndBracketBombsAre422NotCrashes() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        server.given().contentType(ContentType.JSON).body(Map.of("body", deep))
                .post(PAYLOAD + "/preview")
                .then().statusCode(422).body("error.fields[0].field", equalTo("body"));
        String brackets = "a" + "[b]".repeat(1_000) + "=1";
        server.given().contentType(ContentType.JSON)
                .body(Map.of("contentType", "application/x-www-form-urlencoded", "body", brackets))
                .post(PAYLOAD + "/preview")
                .then().statusCode(422).body("error.fields[0].field", equalTo("body"));
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                + "<lolz>&lol2;</lolz>";
        server.given().contentType(ContentType.JSON).body(Map.of("contentType", "application/xml", "body", bomb))
                .post(PAYLOAD + "/preview")
                .then().statusCode(422).body("error.fields[0].field", equalTo("body"));
    }

    @Test
    void derivesElementsFromAFormSampleAndAppliesThemOnRequest() {
        String form = "customer[id]=cus_1&customer[name]=Ada&items[0][price]=p_1&items[1][price]=p_2&expand[]=a";
        server.given().contentType(ContentType.JSON)
                .body(Map.of("contentType", "application/x-www-form-urlencoded", "body", form))
                .post(PAYLOAD + "/elements/from-sample")
                .then().log().ifValidationFails().statusCode(200)
                .body("items.path", hasItem("$.customer"))
                .body("items.find { it.path == '$.items' }.repeated", equalTo(true));
        server.given().get(PAYLOAD + "/elements").then().statusCode(200).body("items", hasSize(0));

        server.given().contentType(ContentType.JSON).queryParam("apply", true)
                .body(Map.of("contentType", "application/xml", "body",
                        "<order id=\"7\"><line><sku>a</sku></line><line><sku>b</sku></line></order>"))
                .post(PAYLOAD + "/elements/from-sample")
                .then().statusCode(200);
        server.given().get(PAYLOAD + "/elements").then().statusCode(200).body("items.path", hasItem("$.order"));
    }
}
