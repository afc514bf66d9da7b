package org.openpayloads.web.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpayloads.web.TestServer;

class IntegrationResourceTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void create(String json) {
        server.given().contentType(ContentType.JSON).body(json).post("/api/v1/integrations")
                .then().log().ifValidationFails().statusCode(201);
    }

    @Test
    void listsIntegrationsAsItems() {
        create("{\"apiName\":\"listed\"}");

        server.given().get("/api/v1/integrations")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("items.apiName", hasItem("listed"));
    }

    @Test
    void createsReadsReplacesAndDeletes() {
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"crud\",\"label\":\"CRUD\"}")
                .post("/api/v1/integrations")
                .then().statusCode(201).header("Location", endsWith("/api/v1/integrations/crud"))
                .body("version", equalTo(1));

        server.given().get("/api/v1/integrations/crud")
                .then().statusCode(200).body("label", equalTo("CRUD")).body("active", equalTo(true));

        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"crud\",\"label\":\"Changed\",\"active\":false}")
                .put("/api/v1/integrations/crud")
                .then().statusCode(200).body("label", equalTo("Changed")).body("active", equalTo(false))
                .body("version", equalTo(2)).body("modifiedBy", equalTo(TestServer.ADMIN));

        server.given().delete("/api/v1/integrations/crud").then().statusCode(204);
        server.given().get("/api/v1/integrations/crud").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void whatGetShowsCanBePutBack() {
        create("{\"apiName\":\"roundtrip\",\"description\":\"d\"}");
        String shown = server.given().get("/api/v1/integrations/roundtrip").then().statusCode(200).extract().asString();

        server.given().contentType(ContentType.JSON).body(shown).put("/api/v1/integrations/roundtrip")
                .then().log().ifValidationFails().statusCode(200).body("description", equalTo("d"));
    }

    @Test
    void aPutWithoutApiNameKeepsTheNameAndADifferentOneRenames() {
        create("{\"apiName\":\"before\"}");

        server.given().contentType(ContentType.JSON).body("{\"label\":\"Kept\"}").put("/api/v1/integrations/before")
                .then().statusCode(200).body("apiName", equalTo("before"));
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"after\"}").put("/api/v1/integrations/before")
                .then().statusCode(200).body("apiName", equalTo("after"));
        server.given().get("/api/v1/integrations/after").then().statusCode(200);
    }

    @Test
    void patchChangesOnlyWhatItNames() {
        create("{\"apiName\":\"patched\",\"label\":\"Patched\",\"description\":\"old\"}");

        server.given().contentType("application/merge-patch+json").body("{\"active\":false,\"description\":null}")
                .patch("/api/v1/integrations/patched")
                .then().log().ifValidationFails().statusCode(200)
                .body("active", equalTo(false)).body("label", equalTo("Patched")).body("$", not(hasKey("description")));
        server.given().contentType(ContentType.JSON).body("{\"active\":true}").patch("/api/v1/integrations/patched")
                .then().statusCode(200).body("active", equalTo(true));
    }

    @Test
    void aPatchIsValidatedLikeAPut() {
        create("{\"apiName\":\"strict\"}");

        server.given().contentType(ContentType.JSON).body("{\"label\":\"\"}").patch("/api/v1/integrations/strict")
                .then().statusCode(422).body("error.fields[0].field", equalTo("label"));
        server.given().contentType(ContentType.JSON).body("{\"colour\":\"red\"}").patch("/api/v1/integrations/strict")
                .then().statusCode(400).body("error.fields[0].field", equalTo("colour"));
        server.given().contentType(ContentType.JSON).body("{\"active\":\"no\"}").patch("/api/v1/integrations/strict")
                .then().statusCode(400).body("error.fields[0].field", equalTo("active"));
        server.given().contentType(ContentType.JSON).body("[]").patch("/api/v1/integrations/strict")
                .then().statusCode(400).body("error.message", containsString("must be a JSON object"));
    }

    @Test
    void aDuplicateApiNameIsA409() {
        create("{\"apiName\":\"twice\"}");

        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"twice\"}").post("/api/v1/integrations")
                .then().statusCode(409).body("error.code", equalTo("CONFLICT"))
                .body("error.fields[0].field", equalTo("apiName"));
    }

    @Test
    void validateReportsEveryProblemOfTheStoredIntegration() {
        create("{\"apiName\":\"checked\"}");
        server.given().post("/api/v1/integrations/checked/validate")
                .then().statusCode(200).body("valid", equalTo(true)).body("problems", empty());

        server.given().contentType(ContentType.JSON).body("""
                {"apiName":"charge","label":"Charge","targets":[{"apiName":"account","object":"Account",
                 "operation":"INSERT"}]}""").post("/api/v1/integrations/checked/payloads").then().statusCode(201);

        server.given().post("/api/v1/integrations/checked/validate")
                .then().statusCode(200).body("valid", equalTo(false))
                .body("problems[0].field", equalTo("payloads.charge.targets.account"))
                .body("problems[0].message", containsString("no field mappings"));
    }

    @Test
    void writesRecordTheTokenNameAsActor() {
        create("{\"apiName\":\"audited\"}");

        assertThat(server.configuration.integration("audited").audit().createdBy()).isEqualTo(TestServer.ADMIN);
    }

    private static org.hamcrest.Matcher<java.util.Map<? extends String, ?>> hasKey(String key) {
        return org.hamcrest.Matchers.hasKey(key);
    }
}
