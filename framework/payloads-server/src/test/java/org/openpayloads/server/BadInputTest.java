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
}
