package org.openpayloads.web.resource;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpayloads.web.TestServer;

class TokenResourceTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonPath issue(String name) {
        return server.given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}").post("/api/v1/tokens")
                .then().log().ifValidationFails().statusCode(201)
                .header("Cache-Control", "no-store")
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/tokens/"))
                .body("token", startsWith("opl_"))
                .body("createdBy", equalTo(TestServer.ADMIN))
                .extract().jsonPath();
    }

    @Test
    void anIssuedTokenIsShownOnceAndWorks() {
        JsonPath issued = issue("ci");
        String token = issued.getString("token");

        server.anonymous().header("Authorization", "Bearer " + token).get("/api/v1/tokens")
                .then().statusCode(200)
                .body("items.name", hasItem("ci"))
                .body("items", everyItem(not(hasKey("token"))))
                .body("items.prefix", hasItem(token.substring(0, 8)));
        server.given().get("/api/v1/tokens/" + issued.getLong("id"))
                .then().statusCode(200).body("name", equalTo("ci")).body("$", not(hasKey("token")));
    }

    @Test
    void aRevokedTokenNoLongerWorks() {
        JsonPath issued = issue("temporary");

        server.given().delete("/api/v1/tokens/" + issued.getLong("id")).then().statusCode(204);
        server.given().get("/api/v1/tokens/" + issued.getLong("id"))
                .then().body("active", equalTo(false)).body("revokedAt", notNullValue());
        server.anonymous().header("Authorization", "Bearer " + issued.getString("token")).get("/api/v1/tokens")
                .then().statusCode(401);
        server.given().delete("/api/v1/tokens/" + issued.getLong("id")).then().statusCode(204);
    }

    @Test
    void aTokenNeedsAName() {
        server.given().contentType(ContentType.JSON).body("{}").post("/api/v1/tokens")
                .then().statusCode(422).body("error.fields[0].field", equalTo("name"));
    }

    @Test
    void anUnknownTokenIsA404() {
        server.given().delete("/api/v1/tokens/999").then().statusCode(404)
                .body("error.message", equalTo("No token '999' exists"));
        server.given().get("/api/v1/tokens/abc").then().statusCode(404);
    }
}
