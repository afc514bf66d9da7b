package org.openpayloads.server;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("database")
class PayloadsApiTest {

    @RegisterExtension
    static final ServerExtension api = new ServerExtension();

    @BeforeAll
    static void stripeIntegrationWithACredential() {
        api.admin().body(Samples.integration("stripe")).post("/api/v1/integrations").then().statusCode(201);
        api.admin().body(Samples.stripeCredential()).post("/api/v1/integrations/stripe/credentials")
                .then().statusCode(201);
        api.admin().body(Samples.chargePayload()).post("/api/v1/integrations/stripe/payloads")
                .then().statusCode(201).header("Location", endsWith("/api/v1/integrations/stripe/payloads/charge"));
    }

    @Test
    void aPayloadReadsBackWithItsWholeTree() {
        api.admin().get("/api/v1/integrations/stripe/payloads/charge").then().statusCode(200)
                .body("direction", equalTo("INBOUND")).body("kind", equalTo("API_PUSH"))
                .body("contentType", equalTo("JSON")).body("auth.type", equalTo("STRIPE_SIGNATURE"))
                .body("auth.credential", equalTo("stripe-api")).body("dedupeKey", equalTo("$.id"))
                .body("elements.name", contains("id", "data"))
                .body("elements[1].children[0].children.name", contains("customer", "amount", "refunds"))
                .body("elements[1].children[0].children[2].repeated", equalTo(true))
                .body("targets.apiName", contains("account", "contact"))
                .body("targets[0].mappings", hasSize(5))
                .body("targets[0].mappings[4].valueMap.elevated", equalTo("Cold"))
                .body("targets[1].mappings[2].sourceType", equalTo("TARGET_RESULT"))
                .body("targets[1].mappings[3].lookupMatchField", equalTo("Email"))
                .body("targets[1].matchFields", contains("Email"));
        api.admin().get("/api/v1/integrations/stripe/payloads").then().statusCode(200)
                .body("items.apiName", hasItem("charge"));
    }

    @Test
    void patchDeactivatesAPayloadAndKeepsTheRest() {
        api.admin().body(Samples.chargePayload().replace("\"charge\"", "\"charge-copy\""))
                .post("/api/v1/integrations/stripe/payloads").then().statusCode(201);
        api.admin().body("{\"active\":false}").patch("/api/v1/integrations/stripe/payloads/charge-copy")
                .then().statusCode(200).body("active", equalTo(false)).body("targets", hasSize(2))
                .body("elements", hasSize(2));
        api.admin().get("/api/v1/integrations/stripe/payloads/charge-copy").then().body("active", equalTo(false));
    }

    @Test
    void putReplacesTheWholePayload() {
        api.admin().body(Samples.chargePayload().replace("\"charge\"", "\"to-replace\""))
                .post("/api/v1/integrations/stripe/payloads").then().statusCode(201);
        api.admin().body("{\"apiName\":\"to-replace\",\"label\":\"Text\",\"contentType\":\"TEXT\"}")
                .put("/api/v1/integrations/stripe/payloads/to-replace")
                .then().statusCode(200).body("contentType", equalTo("TEXT")).body("targets", hasSize(0))
                .body("elements", hasSize(0)).body("direction", equalTo("INBOUND"));
    }

    @Test
    void anOutboundPayloadHasSources() {
        api.admin().body(Samples.accountsPayload()).post("/api/v1/integrations/stripe/payloads")
                .then().statusCode(201).body("direction", equalTo("OUTBOUND"))
                .body("sources[0].mappings[1].value", equalTo("Owner.Name"));
        api.admin().delete("/api/v1/integrations/stripe/payloads/accounts").then().statusCode(204);
        api.admin().get("/api/v1/integrations/stripe/payloads/accounts").then().statusCode(404);
    }

    @Test
    void invalidPayloadsGet422WithEveryBadField() {
        String body = """
                {"apiName":"bad","label":"Bad","contentType":"YAML",
                 "elements":[{"name":"x","path":"$.data.["}],
                 "targets":[{"apiName":"a","object":"Account","operation":"UPSERT"}]}
                """;
        api.admin().body(body).post("/api/v1/integrations/stripe/payloads").then().statusCode(422)
                .body("error.code", equalTo("VALIDATION_FAILED"))
                .body("error.fields.field", hasItem("contentType"))
                .body("error.fields.find { it.field == 'contentType' }.message",
                        containsString("'YAML'"));
        String paths = """
                {"apiName":"bad","label":"Bad","contentType":"JSON",
                 "elements":[{"name":"x","path":"$.data.["}],
                 "targets":[{"apiName":"a","object":"Account","operation":"UPSERT"}]}
                """;
        api.admin().body(paths).post("/api/v1/integrations/stripe/payloads").then().statusCode(422)
                .body("error.fields.field", contains("elements[0].path", "targets[0].externalIdField"))
                .body("error.fields[0].message", containsString("not a valid JSONPath"));
        api.admin().get("/api/v1/integrations/stripe/payloads/bad").then().statusCode(404);
    }

    @Test
    void unknownParentsAre404AndDuplicatesAre409() {
        api.admin().body(Samples.chargePayload()).post("/api/v1/integrations/nope/payloads").then().statusCode(404);
        api.admin().body(Samples.chargePayload()).post("/api/v1/integrations/stripe/payloads").then().statusCode(409);
        api.admin().get("/api/v1/integrations/stripe/payloads/nope").then().statusCode(404)
                .body("error.message", equalTo("No payload 'stripe/nope' exists"));
    }
}
