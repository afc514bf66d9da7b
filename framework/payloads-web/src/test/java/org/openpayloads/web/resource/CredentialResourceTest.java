package org.openpayloads.web.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpayloads.web.TestServer;

class CredentialResourceTest {

    private static final String CREDENTIALS = "/api/v1/integrations/stripe/credentials";
    private static final String SECRET_KEY = "sk_test_51Habcdefghijklmn1234";
    private static final String WEBHOOK_SECRET = "whsec_abcdefghijklmnop5678";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"stripe\"}").post("/api/v1/integrations")
                .then().statusCode(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void create(String apiName) {
        String body = server.given().contentType(ContentType.JSON).body("""
                {"apiName":"%s","label":"Stripe","type":"STRIPE","attributes":{"apiBase":"https://api.stripe.com"},
                 "secrets":{"secretKey":"%s","webhookSecrets":"%s"}}""".formatted(apiName, SECRET_KEY, WEBHOOK_SECRET))
                .post(CREDENTIALS)
                .then().log().ifValidationFails().statusCode(201).header("Location", endsWith(CREDENTIALS + "/" + apiName))
                .body("secrets.secretKey", equalTo("********1234"))
                .body("secrets.webhookSecrets", equalTo("********5678"))
                .extract().asString();
        assertNoSecretIn(body);
    }

    @Test
    void secretsAreShownOnlyMasked() {
        create("shown");

        String list = server.given().get(CREDENTIALS).then().statusCode(200).extract().asString();
        String one = server.given().get(CREDENTIALS + "/shown").then().statusCode(200)
                .body("attributes.apiBase", equalTo("https://api.stripe.com")).extract().asString();

        assertNoSecretIn(list);
        assertNoSecretIn(one);
    }

    @Test
    void whatGetShowsCanBePutBackWithoutChangingASecret() {
        create("echoed");
        String shown = server.given().get(CREDENTIALS + "/echoed").then().extract().asString();

        server.given().contentType(ContentType.JSON).body(shown).put(CREDENTIALS + "/echoed")
                .then().log().ifValidationFails().statusCode(200)
                .body("secrets.secretKey", equalTo("********1234"))
                .body("secrets.webhookSecrets", equalTo("********5678"));
    }

    @Test
    void aPutSetsAGivenSecretRemovesANullOneAndKeepsAnAbsentOne() {
        create("changed");

        String body = server.given().contentType(ContentType.JSON).body("""
                {"label":"Stripe","type":"STRIPE","secrets":{"secretKey":"sk_test_replacement9999","webhookSecrets":null}}""")
                .put(CREDENTIALS + "/changed")
                .then().log().ifValidationFails().statusCode(200)
                .body("secrets.secretKey", equalTo("********9999"))
                .body("secrets", not(hasKey("webhookSecrets")))
                .extract().asString();
        assertThat(body).doesNotContain("sk_test_replacement9999");
    }

    @Test
    void aPatchThatSetsASecretToNullRemovesIt() {
        create("patched");

        server.given().contentType("application/merge-patch+json").body("{\"secrets\":{\"webhookSecrets\":null}}")
                .patch(CREDENTIALS + "/patched")
                .then().log().ifValidationFails().statusCode(200)
                .body("secrets.secretKey", equalTo("********1234"))
                .body("secrets", not(hasKey("webhookSecrets")));
        server.given().contentType(ContentType.JSON).body("{\"label\":\"Renamed label\"}")
                .patch(CREDENTIALS + "/patched")
                .then().statusCode(200).body("label", equalTo("Renamed label"))
                .body("secrets.secretKey", equalTo("********1234"));
    }

    @Test
    void anUnknownTypeIsA422() {
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"x\",\"label\":\"X\",\"type\":\"PASSWORD\"}")
                .post(CREDENTIALS)
                .then().statusCode(422).body("error.fields[0].field", equalTo("type"));
    }

    @Test
    void aSecretOfTheWrongJsonTypeIsA400ThatDoesNotEchoIt() {
        String body = server.given().contentType(ContentType.JSON)
                .body("{\"apiName\":\"x\",\"label\":\"X\",\"type\":\"STRIPE\",\"secrets\":{\"secretKey\":123456789012}}")
                .post(CREDENTIALS)
                .then().statusCode(400).body("error.fields[0].field", equalTo("secrets.secretKey"))
                .extract().asString();
        assertThat(body).doesNotContain("123456789012");
    }

    @Test
    void aCredentialInUseCannotBeDeleted() {
        create("used");
        server.given().contentType(ContentType.JSON).body("""
                {"apiName":"webhook","label":"Webhook","auth":{"type":"STRIPE_SIGNATURE","credential":"used"}}""")
                .post("/api/v1/integrations/stripe/payloads").then().log().ifValidationFails().statusCode(201);

        server.given().delete(CREDENTIALS + "/used").then().statusCode(409).body("error.code", equalTo("CONFLICT"));

        server.given().delete("/api/v1/integrations/stripe/payloads/webhook").then().statusCode(204);
        server.given().delete(CREDENTIALS + "/used").then().statusCode(204);
    }

    private static void assertNoSecretIn(String body) {
        assertThat(body).doesNotContain(SECRET_KEY).doesNotContain(WEBHOOK_SECRET);
    }
}
