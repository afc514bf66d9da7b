package org.openpayloads.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("database")
class TokensApiTest {

    @RegisterExtension
    static final ServerExtension api = new ServerExtension();

    @Test
    void aNewTokenIsShownOnceWorksAndCanBeRevoked() {
        var created = api.admin().body("{\"name\":\"ci\"}").post("/api/v1/tokens").then().statusCode(201)
                .body("name", equalTo("ci")).body("token", startsWith("opl_")).body("active", equalTo(true))
                .extract();
        String token = created.path("token");
        int id = created.path("id");

        String list = api.admin().get("/api/v1/tokens").then().statusCode(200)
                .body("items.name", hasItem("ci")).body("items.token", not(hasItem(token))).extract().asString();
        assertThat(list).doesNotContain(token);

        api.anonymous().header("Authorization", "Bearer " + token).get("/api/v1/integrations").then().statusCode(200);
        api.admin().delete("/api/v1/tokens/" + id).then().statusCode(204);
        api.anonymous().header("Authorization", "Bearer " + token).get("/api/v1/integrations").then().statusCode(401);
        api.admin().delete("/api/v1/tokens/999999").then().statusCode(404);
        api.admin().body("{\"name\":\"\"}").post("/api/v1/tokens").then().statusCode(422);
    }

    @Test
    void theWriterOfAChangeIsTheTokensName() {
        String token = api.admin().body("{\"name\":\"deploy-bot\"}").post("/api/v1/tokens").then().statusCode(201)
                .extract().path("token");
        api.anonymous().header("Authorization", "Bearer " + token).body(Samples.integration("audited"))
                .post("/api/v1/integrations").then().statusCode(201).body("createdBy", equalTo("deploy-bot"))
                .body("modifiedBy", equalTo("deploy-bot"));
    }
}
