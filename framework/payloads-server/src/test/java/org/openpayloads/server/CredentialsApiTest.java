package org.openpayloads.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("database")
class CredentialsApiTest {

    @RegisterExtension
    static final ServerExtension api = new ServerExtension();

    private static final String CREDENTIALS = "/api/v1/integrations/stripe/credentials";

    @BeforeAll
    static void stripeIntegration() {
        api.admin().body(Samples.integration("stripe")).post("/api/v1/integrations").then().statusCode(201);
    }

    @Test
    void secretsAreAcceptedAndOnlyEverShownMasked() {
        String created = api.admin().body(Samples.stripeCredential()).post(CREDENTIALS).then().statusCode(201)
                .header("Location", endsWith(CREDENTIALS + "/stripe-api"))
                .body("type", equalTo("STRIPE")).body("attributes.apiBase", equalTo("https://api.stripe.com"))
                .body("secrets.secretKey", equalTo("********p7dc"))
                .body("secrets.webhookSecrets", equalTo("********i9j0"))
                .extract().asString();
        assertThat(created).doesNotContain(Samples.STRIPE_API_KEY, Samples.STRIPE_WEBHOOK_SECRET);
        String read = api.admin().get(CREDENTIALS + "/stripe-api").then().statusCode(200).extract().asString();
        String list = api.admin().get(CREDENTIALS).then().statusCode(200).extract().asString();
        assertThat(read + list).doesNotContain(Samples.STRIPE_API_KEY, Samples.STRIPE_WEBHOOK_SECRET,
                "4eC39HqLyjWDarjtT1zd");
    }

    @Test
    void anEchoedMaskKeepsTheSecretAndNullRemovesIt() {
        api.admin().body("""
                {"apiName":"basic","label":"Basic","type":"BASIC","attributes":{"username":"ann"},
                 "secrets":{"password":"correct-horse-battery-staple"}}
                """).post(CREDENTIALS).then().statusCode(201).body("secrets.password", equalTo("********aple"));
        String echoed = api.admin().get(CREDENTIALS + "/basic").then().extract().asString();
        api.admin().body(echoed.replace("\"ann\"", "\"bob\"")).put(CREDENTIALS + "/basic").then().statusCode(200)
                .body("attributes.username", equalTo("bob")).body("secrets.password", equalTo("********aple"));
        api.admin().body("{\"label\":\"Renamed label\"}").patch(CREDENTIALS + "/basic").then().statusCode(200)
                .body("secrets.password", equalTo("********aple"));
        api.admin().body("{\"secrets\":{\"password\":null}}").patch(CREDENTIALS + "/basic").then().statusCode(422)
                .body("error.fields[0].field", equalTo("secrets.password"));
        api.admin().body("{\"secrets\":{\"password\":\"new-password-value-1234\"}}").patch(CREDENTIALS + "/basic")
                .then().statusCode(200).body("secrets.password", equalTo("********1234"));
    }

    @Test
    void eachTypeChecksItsAttributes() {
        api.admin().body("""
                {"apiName":"oauth","label":"OAuth","type":"OAUTH2_CLIENT_CREDENTIALS",
                 "attributes":{"tokenUrl":"not a url","clientSecret":"shh-this-is-secret"}}
                """).post(CREDENTIALS).then().statusCode(422)
                .body("error.fields.field", hasItems("attributes.tokenUrl", "attributes.clientId",
                        "attributes.clientSecret"))
                .body("error.message", containsString("fields are invalid"))
                .body(org.hamcrest.Matchers.not(containsString("shh-this-is-secret")));
        api.admin().body("{\"apiName\":\"x\",\"label\":\"X\",\"type\":\"KERBEROS\"}").post(CREDENTIALS)
                .then().statusCode(422).body("error.fields[0].field", equalTo("type"));
        api.admin().get(CREDENTIALS + "/oauth").then().statusCode(404);
    }

    @Test
    void aCredentialInUseCannotBeDeleted() {
        api.admin().body(Samples.stripeCredential().replace("stripe-api", "in-use")).post(CREDENTIALS)
                .then().statusCode(201);
        api.admin().body("""
                {"apiName":"hooked","label":"Hooked","auth":{"type":"STRIPE_SIGNATURE","credential":"in-use"}}
                """).post("/api/v1/integrations/stripe/payloads").then().statusCode(201);
        api.admin().delete(CREDENTIALS + "/in-use").then().statusCode(409)
                .body("error.message", containsString("hooked (auth.credential)"));
        api.admin().delete("/api/v1/integrations/stripe/payloads/hooked").then().statusCode(204);
        api.admin().delete(CREDENTIALS + "/in-use").then().statusCode(204);
        api.admin().get(CREDENTIALS + "/in-use").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"))
                .body("error.fields", org.hamcrest.Matchers.anyOf(nullValue(), org.hamcrest.Matchers.empty()));
    }

    @Test
    void aSandboxServerRefusesALiveStripeKeyOnSaveWithoutQuotingIt() {
        String live = "sk_live_51Hx0000000000000000000000";
        String refused = api.admin().body("""
                {"apiName":"live-stripe","label":"Live","type":"STRIPE","secrets":{"secretKey":"%s"}}
                """.formatted(live)).post(CREDENTIALS).then().statusCode(422)
                .body("error.fields[0].field", equalTo("secrets.secretKey"))
                .extract().asString();

        assertThat(refused).contains("live secret key", "PAYLOADS_ENVIRONMENT=sandbox").doesNotContain(live);
        api.admin().get(CREDENTIALS + "/live-stripe").then().statusCode(404);
    }

    @Test
    void aSandboxServerRefusesAProductionSalesforceLogin() {
        api.admin().body("""
                {"apiName":"prod-org","label":"Org","type":"SALESFORCE",
                 "attributes":{"loginUrl":"https://login.salesforce.com","clientId":"3MVG9"},
                 "secrets":{"clientSecret":"s3cr3t-value"}}
                """).post(CREDENTIALS).then().statusCode(422)
                .body("error.fields[0].field", equalTo("attributes.loginUrl"));
        api.admin().body("""
                {"apiName":"sandbox-org","label":"Org","type":"SALESFORCE",
                 "attributes":{"loginUrl":"https://test.salesforce.com","clientId":"3MVG9"},
                 "secrets":{"clientSecret":"s3cr3t-value"}}
                """).post(CREDENTIALS).then().statusCode(201);
    }
}
