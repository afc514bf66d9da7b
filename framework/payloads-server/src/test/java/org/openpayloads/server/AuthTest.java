package org.openpayloads.server;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthTest {

    @RegisterExtension
    static final ServerExtension api = new ServerExtension();

    @ParameterizedTest
    @CsvSource({
            "GET, /api/v1/integrations",
            "POST, /api/v1/integrations",
            "GET, /api/v1/integrations/stripe",
            "PUT, /api/v1/integrations/stripe",
            "PATCH, /api/v1/integrations/stripe",
            "DELETE, /api/v1/integrations/stripe",
            "POST, /api/v1/integrations/stripe/validate",
            "GET, /api/v1/integrations/stripe/payloads",
            "GET, /api/v1/integrations/stripe/payloads/charge/targets",
            "GET, /api/v1/integrations/stripe/payloads/charge/sources",
            "PUT, /api/v1/integrations/stripe/payloads/charge/elements",
            "GET, /api/v1/integrations/stripe/credentials",
            "GET, /api/v1/jobs",
            "GET, /api/v1/jobs/1",
            "GET, /api/v1/tokens",
            "GET, /api/v1/org/objects",
            "POST, /api/v1/org/connected-apps",
            "POST, /api/v1/tokens",
            "GET, /api/v1/nothing-here"})
    void everyAdminPathNeedsAToken(String method, String path) {
        api.anonymous().body("{}").request(method, path).then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("error.code", equalTo("UNAUTHORIZED"));
        api.anonymous().header("Authorization", "Bearer opl_not-a-real-token-at-all").body("{}")
                .request(method, path).then().statusCode(401);
        api.anonymous().header("Authorization", "Basic YWRtaW46YWRtaW4=").body("{}")
                .request(method, path).then().statusCode(401);
    }

    @Test
    void healthAndTheOpenApiDescriptionArePublic() {
        api.anonymous().get("/health").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.database", equalTo("UP"));
        api.anonymous().get("/api/v1/openapi.json").then().statusCode(200).body("openapi", containsString("3."))
                .body("paths.'/api/v1/integrations'.post", org.hamcrest.Matchers.notNullValue());
    }
}
