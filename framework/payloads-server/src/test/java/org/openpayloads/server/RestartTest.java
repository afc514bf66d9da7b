package org.openpayloads.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A whole configuration, made through the API, reads back unchanged after a restart. */
@Tag("database")
class RestartTest {

    @RegisterExtension
    static final ServerExtension api = new ServerExtension();

    private static final List<String> READS = List.of(
            "/api/v1/integrations",
            "/api/v1/integrations/stripe",
            "/api/v1/integrations/stripe/payloads",
            "/api/v1/integrations/stripe/payloads/charge",
            "/api/v1/integrations/stripe/payloads/accounts",
            "/api/v1/integrations/stripe/credentials",
            "/api/v1/integrations/stripe/credentials/stripe-api");

    @Test
    void everythingReadsBackUnchangedWithTheSecretMasked() {
        api.admin().body(Samples.integration("stripe")).post("/api/v1/integrations").then().statusCode(201);
        api.admin().body(Samples.stripeCredential()).post("/api/v1/integrations/stripe/credentials")
                .then().statusCode(201);
        api.admin().body(Samples.chargePayload()).post("/api/v1/integrations/stripe/payloads").then().statusCode(201);
        api.admin().body(Samples.accountsPayload()).post("/api/v1/integrations/stripe/payloads").then().statusCode(201);
        List<String> before = READS.stream().map(path -> api.admin().get(path).then().statusCode(200)
                .extract().asString()).toList();

        api.server().restart();

        List<String> after = READS.stream().map(path -> api.admin().get(path).then().statusCode(200)
                .extract().asString()).toList();
        assertThat(after).isEqualTo(before);
        api.admin().get("/api/v1/integrations/stripe/credentials/stripe-api").then()
                .body("secrets.secretKey", equalTo("********p7dc"));
        assertThat(String.join("", after)).doesNotContain(Samples.STRIPE_API_KEY, Samples.STRIPE_WEBHOOK_SECRET);
    }
}
