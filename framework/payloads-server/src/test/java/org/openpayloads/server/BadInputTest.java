package org.openpayloads.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets a clear 4xx in the JSON error form, never a 5xx, and changes nothing stored. */
@Tag("database")
class BadInputTest {

    @RegisterExtension
    static final ServerExtension api = new ServerExtension();

    private static final String PAYLOAD = "/api/v1/integrations/stripe/payloads/charge";
    private String before;

    @BeforeAll
    static void storedConfiguration() {
        api.admin().body(Samples.integration("stripe")).post("/api/v1/integrations").then().statusCode(201);
        api.admin().body(Samples.stripeCredential()).post("/api/v1/integrations/stripe/credentials")
                .then().statusCode(201);
        api.admin().body(Samples.chargePayload()).post("/api/v1/integrations/stripe/payloads").then().statusCode(201);
        api.admin().body("""
                {"apiName":"company","label":"Company","direction":"INBOUND","kind":"API_PUSH","contentType":"JSON",
                 "targets":[{"apiName":"account","object":"Account","operation":"INSERT","mappings":[
                   {"field":"Name","sourceType":"ELEMENT","value":"$.name"},
                   {"field":"AnnualRevenue","sourceType":"ELEMENT","value":"$.revenue"},
                   {"field":"NumberOfEmployees","sourceType":"ELEMENT","value":"$.employees"}]}]}""")
                .post("/api/v1/integrations/stripe/payloads").then().statusCode(201);
    }

    @BeforeEach
    void rememberTheStoredState() {
        before = snapshot();
    }

    @AfterEach
    void nothingStoredChanged() {
        assertThat(snapshot()).isEqualTo(before);
    }

    private static String snapshot() {
        return api.admin().get("/api/v1/integrations").asString()
                + api.admin().get("/api/v1/integrations/stripe/payloads").asString()
                + api.admin().get("/api/v1/integrations/stripe/credentials").asString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"apiName\":", "{\"apiName\":\"x\",}", "not json",
            "{\"label\":\"X\"", "{\"label\":\"X\"} {\"label\":\"Y\"}", "{\"label\":\"\\u12\"}"})
    void malformedJsonIs400(String body) {
        api.admin().body(body).post("/api/v1/integrations").then().statusCode(400)
                .contentType(ContentType.JSON).body("error.code", equalTo("MALFORMED_JSON"));
        api.admin().body(body).put(PAYLOAD).then().statusCode(400).body("error.code", equalTo("MALFORMED_JSON"));
        api.admin().body(body).patch(PAYLOAD).then().statusCode(400).body("error.code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void anEmptyBodyIs400() {
        api.admin().post("/api/v1/integrations").then().statusCode(400).body("error.message", notNullValue());
        api.admin().body("").put(PAYLOAD).then().statusCode(400);
    }

    @Test
    void unknownFieldsAre400NamingTheField() {
        api.admin().body("{\"apiName\":\"x\",\"label\":\"X\",\"colour\":\"red\"}").post("/api/v1/integrations")
                .then().statusCode(400).body("error.fields[0].field", equalTo("colour"))
                .body("error.fields[0].message", containsString("apiName"));
        api.admin().body("{\"targets\":[{\"apiName\":\"a\",\"mappings\":[{\"feild\":\"Name\"}]}]}").patch(PAYLOAD)
                .then().statusCode(400).body("error.fields[0].field", equalTo("targets[0].mappings[0].feild"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"apiName\":\"x\",\"label\":\"X\",\"active\":\"yes\"}|active",
            "{\"apiName\":\"x\",\"label\":\"X\",\"active\":1}|active",
            "{\"apiName\":[\"x\"],\"label\":\"X\"}|apiName",
            "{\"apiName\":{\"a\":1},\"label\":\"X\"}|apiName"})
    void wrongTypesAre400NamingTheField(String body, String field) {
        api.admin().body(body).post("/api/v1/integrations").then().statusCode(400)
                .body("error.fields[0].field", equalTo(field));
    }

    @Test
    void wrongTypesInsideAPayloadAre400() {
        api.admin().body("{\"targets\":{\"apiName\":\"a\"}}").patch(PAYLOAD).then().statusCode(400)
                .body("error.fields[0].field", equalTo("targets"));
        api.admin().body("{\"targets\":[{\"order\":\"first\"}]}").patch(PAYLOAD).then().statusCode(400)
                .body("error.fields[0].field", equalTo("targets[0].order"));
    }

    @Test
    void emptyAndTooLongNamesAre422() {
        api.admin().body("{\"apiName\":\"\",\"label\":\"X\"}").post("/api/v1/integrations").then().statusCode(422)
                .body("error.fields[0].field", equalTo("apiName"));
        api.admin().body("{\"apiName\":\"" + "a".repeat(81) + "\",\"label\":\"" + "b".repeat(256) + "\"}")
                .post("/api/v1/integrations").then().statusCode(422)
                .body("error.fields.field", hasItem("apiName")).body("error.fields.field", hasItem("label"));
        api.admin().body("{\"label\":\"\"}").patch(PAYLOAD).then().statusCode(422)
                .body("error.fields[0].field", equalTo("label"));
    }

    @Test
    void unknownEnumValuesAre422NamingTheAllowedOnes() {
        api.admin().body("{\"kind\":\"CARRIER_PIGEON\",\"contentType\":\"YAML\"}").patch(PAYLOAD).then()
                .statusCode(422).body("error.fields.field", hasItem("kind"))
                .body("error.fields.field", hasItem("contentType"))
                .body("error.fields.find { it.field == 'contentType' }.message", containsString("FORM_URL_ENCODED"));
        api.admin().body("{\"targets\":[{\"apiName\":\"a\",\"object\":\"Account\",\"operation\":\"MERGE\"}]}")
                .patch(PAYLOAD).then().statusCode(422).body("error.fields[0].field", equalTo("targets[0].operation"));
    }

    @Test
    void aWrongContentTypeIs415() {
        api.admin().contentType(ContentType.XML).body("<integration/>").post("/api/v1/integrations").then()
                .statusCode(415).contentType(ContentType.JSON).body("error.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        api.admin().contentType(ContentType.TEXT).body("{}").patch(PAYLOAD).then().statusCode(415);
    }

    @Test
    void unknownPathsAndMethodsAreJson4xx() {
        api.admin().get("/api/v1/nothing").then().statusCode(404).contentType(ContentType.JSON);
        api.admin().delete("/api/v1/integrations").then().statusCode(405).contentType(ContentType.JSON)
                .body("error.code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void deeplyNestedJsonIsRefusedNotACrash() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        api.admin().body("{\"apiName\":\"x\",\"label\":\"X\",\"description\":" + deep + "}")
                .post("/api/v1/integrations").then().statusCode(lessThan(500));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSamples")
    void aBadSampleIsA422NamingTheProblem(String problem, String contentType, String sample, String field,
                                          String message) {
        api.admin().body(java.util.Map.of("contentType", contentType, "body", sample))
                .post(PAYLOAD + "/preview")
                .then().log().ifValidationFails().statusCode(422).contentType(ContentType.JSON)
                .body("error.fields[0].field", equalTo(field))
                .body("error.fields[0].message", containsString(message));
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> badSamples() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>";
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("invalid JSON", "application/json", "{\"id\": evt_1}",
                        "body", "JSON"),
                org.junit.jupiter.params.provider.Arguments.of("truncated JSON", "application/json",
                        "{\"id\": \"evt_1\", \"data\": {", "body", "JSON"),
                org.junit.jupiter.params.provider.Arguments.of("10,000 levels of nesting", "application/json",
                        "[".repeat(10_000) + "]".repeat(10_000), "body", "nest"),
                org.junit.jupiter.params.provider.Arguments.of("a form key with 1,000 brackets",
                        "application/x-www-form-urlencoded", "a" + "[b]".repeat(1_000) + "=1", "body", "more than 32 [..] segments"),
                org.junit.jupiter.params.provider.Arguments.of("an XML entity bomb", "application/xml", bomb, "body",
                        "DTD"),
                org.junit.jupiter.params.provider.Arguments.of("a content type no payload takes", "image/png", "x",
                        "contentType", "image/png"));
    }

    @Test
    void aSampleOverTheSizeLimitIs413() {
        api.admin().body(java.util.Map.of("body", "x".repeat(2 * 1024 * 1024))).post(PAYLOAD + "/preview")
                .then().statusCode(413).contentType(ContentType.JSON);
    }

    @Test
    void aPreviewRequestThatIsNotJsonIs415() {
        api.admin().contentType(ContentType.TEXT).body("{\"id\":1}").post(PAYLOAD + "/preview")
                .then().statusCode(415).body("error.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void aValueThatCannotBeCoercedFailsItsRecordNamingPathFieldValueAndType() {
        api.admin().body("{\"body\":{\"name\":\"Acme\",\"revenue\":\"a lot\",\"employees\":12.5}}")
                .post("/api/v1/integrations/stripe/payloads/company/preview")
                .then().log().ifValidationFails().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("results[0].errorCode", equalTo("INVALID_VALUE"))
                .body("results[0].message", containsString("$.revenue"))
                .body("results[0].message", containsString("AnnualRevenue"))
                .body("results[0].message", containsString("a lot"));
    }
}
