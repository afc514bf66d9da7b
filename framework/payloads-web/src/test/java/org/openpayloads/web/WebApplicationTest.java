package org.openpayloads.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpayloads.web.filter.BodyLimitFilter;

/**
 * The admin API end to end, in process, on a real Grizzly server: errors are JSON whatever layer raises them,
 * authentication guards {@code /api/v1}, and a create answers 201 with its Location.
 */
class WebApplicationTest {

    private static final AtomicBoolean DATABASE_UP = new AtomicBoolean(true);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(new Check("database", DATABASE_UP), new Check("org", new AtomicBoolean(true)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Check(String name, AtomicBoolean up) implements HealthCheck {
        @Override
        public boolean isUp() {
            return up.get();
        }
    }

    @Test
    void createsAnIntegrationWith201AndLocation() {
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"stripe\"}")
                .post("/api/v1/integrations")
                .then().log().ifValidationFails()
                .statusCode(201)
                .header("Location", equalTo("http://127.0.0.1:" + server.port() + "/api/v1/integrations/stripe"))
                .body("apiName", equalTo("stripe"))
                .body("label", equalTo("stripe"))
                .body("active", equalTo(true))
                .body("createdBy", equalTo(TestServer.ADMIN))
                .body("createdAt", equalTo("2026-11-25T12:00:00Z"));
        assertThat(server.configuration.integration("stripe").audit().createdBy()).isEqualTo(TestServer.ADMIN);
    }

    @Test
    void malformedBodyIsA400JsonErrorNotTextPlain() {
        server.given().contentType(ContentType.JSON).body("{\"apiName\": ")
                .post("/api/v1/integrations")
                .then().log().ifValidationFails()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo("MALFORMED_JSON"))
                .body("error.message", containsString("line 1, column"))
                .body("error.fields", empty());
    }

    @Test
    void unknownPropertyIsA400NamingItsPathAndTheAllowedNames() {
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"x\",\"colour\":\"red\"}")
                .post("/api/v1/integrations")
                .then().log().ifValidationFails()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo("BAD_REQUEST"))
                .body("error.fields[0].field", equalTo("colour"))
                .body("error.fields[0].message", containsString("active, apiName, description, label"));
    }

    @Test
    void stringForABooleanIsA400NamingTheFieldAndType() {
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"x\",\"active\":\"true\"}")
                .post("/api/v1/integrations")
                .then().log().ifValidationFails()
                .statusCode(400)
                .body("error.fields[0].field", equalTo("active"))
                .body("error.fields[0].message", equalTo("expected a boolean (true or false), got a string"));
    }

    @Test
    void emptyBodyIsA400AskingForOne() {
        server.given().contentType(ContentType.JSON).body("")
                .post("/api/v1/integrations")
                .then().log().ifValidationFails()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo("BAD_REQUEST"))
                .body("error.message", containsString("a JSON body is required"));
    }

    @Test
    void wrongContentTypeIsA415JsonError() {
        server.given().contentType(ContentType.TEXT).body("apiName=x")
                .post("/api/v1/integrations")
                .then().log().ifValidationFails()
                .statusCode(415)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                .body("error.message", containsString("text/plain"));
    }

    @Test
    void aBodyWithoutContentTypeIsA415JsonError() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/integrations"))
                        .header("Authorization", "Bearer " + server.token)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"apiName\":\"untyped\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
    }

    /** Needs Grizzly's allowPayloadForUndefinedHttpMethods, which {@link TestServer} sets as the server must. */
    @Test
    void aDeleteWithABodyStillGetsAJsonAnswer() {
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"x\"}")
                .delete("/api/v1/integrations/not-there")
                .then().log().ifValidationFails()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void unknownPathIsA404JsonError() {
        server.given().get("/api/v1/nothing-here")
                .then().log().ifValidationFails()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.message", containsString("/api/v1/nothing-here"));
        server.anonymous().get("/nothing-here")
                .then().statusCode(404).contentType(ContentType.JSON).body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void unknownIntegrationIsA404NamingIt() {
        server.given().get("/api/v1/integrations/nope")
                .then().statusCode(404)
                .body("error.message", equalTo("No integration 'nope' exists"));
    }

    @Test
    void wrongMethodIsA405ListingTheAllowedOnes() {
        server.given().delete("/api/v1/integrations")
                .then().log().ifValidationFails()
                .statusCode(405)
                .contentType(ContentType.JSON)
                .header("Allow", containsString("POST"))
                .body("error.code", equalTo("METHOD_NOT_ALLOWED"))
                .body("error.message", containsString("GET, OPTIONS, POST"));
    }

    @Test
    void unacceptableMediaTypeIsA406JsonError() {
        server.given().accept("text/html").get("/api/v1/integrations")
                .then().log().ifValidationFails()
                .statusCode(406)
                .body("error.code", equalTo("NOT_ACCEPTABLE"));
    }

    @Test
    void missingTokenIsA401WithABearerChallenge() {
        server.anonymous().get("/api/v1/integrations")
                .then().log().ifValidationFails()
                .statusCode(401)
                .contentType(ContentType.JSON)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"openpayloads\""))
                .body("error.code", equalTo("UNAUTHORIZED"));
        server.anonymous().header("Authorization", "Bearer opl_not-a-real-token-at-all")
                .get("/api/v1/nothing-here")
                .then().statusCode(401);
    }

    @Test
    void openApiAndHealthArePublic() {
        server.anonymous().get("/api/v1/openapi.json")
                .then().statusCode(200).contentType(ContentType.JSON).body("openapi", startsWith("3.1"));
        server.anonymous().get("/health")
                .then().statusCode(200).body("status", equalTo("UP")).body("checks.database", equalTo("UP"));
    }

    @Test
    void healthIs503WhenACheckIsDown() {
        DATABASE_UP.set(false);
        try {
            server.anonymous().get("/health")
                    .then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.database", equalTo("DOWN"))
                    .body("checks.org", equalTo("UP"));
        } finally {
            DATABASE_UP.set(true);
        }
    }

    @Test
    void declaredBodyOverTheLimitIsA413() {
        byte[] big = new byte[(int) BodyLimitFilter.MAX_BYTES + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        server.given().contentType(ContentType.JSON).body(big)
                .post("/api/v1/integrations")
                .then().log().ifValidationFails()
                .statusCode(413)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void chunkedBodyOverTheLimitIsA413() {
        String json = "{\"apiName\":\"x\",\"description\":\"" + "d".repeat((int) BodyLimitFilter.MAX_BYTES) + "\"}";
        server.given().contentType(ContentType.JSON)
                .body(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
                .post("/api/v1/integrations")
                .then().log().ifValidationFails()
                .statusCode(413)
                .body("error.code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void validationErrorsAre422WithEveryField() {
        server.given().contentType(ContentType.JSON).body("{\"apiName\":\"not ok\",\"label\":\"\"}")
                .post("/api/v1/integrations")
                .then().log().ifValidationFails()
                .statusCode(422)
                .body("error.code", equalTo("VALIDATION_FAILED"))
                .body("error.fields.field", hasItem("apiName"))
                .body("error.fields.field", hasItem("label"));
    }

    @Test
    void theServerMayRegisterMoreResources() {
        ResourceConfig config = WebApplication.create(new WebServices(server.configuration, server.pipeline.jobs(),
                server.tokens, server.mapping, server.pipeline.inbound(), java.util.List.of()));
        config.register(ExtraResource.class);
        assertThat(config.getClasses()).contains(ExtraResource.class);
    }

    @jakarta.ws.rs.Path("/org")
    public static final class ExtraResource {
        @jakarta.ws.rs.GET
        public String get() {
            return "org";
        }
    }
}
