package org.openpayloads.server;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("database")
class IntegrationsApiTest {

    @RegisterExtension
    static final ServerExtension api = new ServerExtension();

    @Test
    void createsReadsListsAndDeletesAnIntegration() {
        api.admin().body("{\"apiName\":\"stripe\",\"label\":\"Stripe\"}").post("/api/v1/integrations")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/integrations/stripe"))
                .body("apiName", equalTo("stripe")).body("label", equalTo("Stripe")).body("active", equalTo(true))
                .body("createdBy", equalTo("PAYLOADS_ADMIN_TOKEN")).body("createdAt", notNullValue());

        api.admin().get("/api/v1/integrations/stripe").then().statusCode(200).body("label", equalTo("Stripe"));
        api.admin().get("/api/v1/integrations").then().statusCode(200).body("items.apiName", hasItem("stripe"));

        api.admin().delete("/api/v1/integrations/stripe").then().statusCode(204);
        api.admin().get("/api/v1/integrations/stripe").then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.message", equalTo("No integration 'stripe' exists"));
    }

    @Test
    void replacesWithPutAndChangesOneFieldWithPatch() {
        api.admin().body(Samples.integration("shop")).post("/api/v1/integrations").then().statusCode(201);

        api.admin().body("{\"apiName\":\"shop\",\"label\":\"Shop\",\"description\":\"new\",\"active\":true}")
                .put("/api/v1/integrations/shop")
                .then().statusCode(200).body("label", equalTo("Shop")).body("description", equalTo("new"));

        api.admin().body("{\"active\":false}").patch("/api/v1/integrations/shop")
                .then().statusCode(200).body("active", equalTo(false)).body("label", equalTo("Shop"))
                .body("description", equalTo("new"));

        api.admin().contentType("application/merge-patch+json").body("{\"description\":null}")
                .patch("/api/v1/integrations/shop")
                .then().statusCode(200).body("description", equalTo(null)).body("active", equalTo(false));
    }

    @Test
    void renamesWithPutAndRefusesADuplicateApiName() {
        api.admin().body(Samples.integration("old-name")).post("/api/v1/integrations").then().statusCode(201);
        api.admin().body(Samples.integration("taken")).post("/api/v1/integrations").then().statusCode(201);

        api.admin().body(Samples.integration("taken")).post("/api/v1/integrations")
                .then().statusCode(409).body("error.code", equalTo("CONFLICT"))
                .body("error.fields[0].field", equalTo("apiName"));
        api.admin().body(Samples.integration("taken")).put("/api/v1/integrations/old-name").then().statusCode(409);

        api.admin().body(Samples.integration("new-name")).put("/api/v1/integrations/old-name")
                .then().statusCode(200).body("apiName", equalTo("new-name"));
        api.admin().get("/api/v1/integrations/old-name").then().statusCode(404);
        api.admin().get("/api/v1/integrations").then().body("items.apiName", not(hasItem("old-name")));
    }

    @Test
    void validatesAWholeIntegration() {
        api.admin().body(Samples.integration("checked")).post("/api/v1/integrations").then().statusCode(201);
        api.admin().body(Samples.stripeCredential()).post("/api/v1/integrations/checked/credentials")
                .then().statusCode(201);
        api.admin().body(Samples.chargePayload()).post("/api/v1/integrations/checked/payloads").then().statusCode(201);
        api.admin().post("/api/v1/integrations/checked/validate")
                .then().statusCode(200).body("valid", equalTo(true));

        api.admin().body("{\"apiName\":\"empty\",\"object\":\"Task\",\"operation\":\"INSERT\"}")
                .post("/api/v1/integrations/checked/payloads/charge/targets").then().statusCode(201);
        api.admin().post("/api/v1/integrations/checked/validate")
                .then().statusCode(200).body("valid", equalTo(false))
                .body("problems[0].field", equalTo("payloads.charge.targets.empty"));
        api.admin().post("/api/v1/integrations/nope/validate").then().statusCode(404);
    }
}
