package org.openpayloads.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openpayloads.api.records.RecordClient;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;

/**
 * PAYLOADS_SALESFORCE_URL and its client credentials point the default org elsewhere: here at another
 * server's embedded org, which stands in for a real one (it answers only on Salesforce's own paths).
 */
class ExternalOrgTest {

    @RegisterExtension
    static final ServerExtension remote = new ServerExtension();

    @Test
    void theDefaultClientWritesToTheConfiguredOrgAndNoEmbeddedOrgIsOpened() throws Exception {
        var app = remote.admin().body("{\"name\":\"other server\"}").post("/api/v1/org/connected-apps").then()
                .statusCode(201).extract();
        SalesforceSettings external = new SalesforceSettings(remote.server().server().baseUri().toString(),
                app.path("clientId"), app.path("clientSecret"), SalesforceSettings.OrgTransport.HTTP,
                SalesforceSettings.DEFAULT_DAILY_API_LIMIT);
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, Files.createTempDirectory("external-org"),
                null, "SA", "", 2, null, "local-admin-token-0123456789", Duration.ofSeconds(1), external);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        try (PayloadsServer local = PayloadsServer.start(settings, Clock.systemUTC(), quiet)) {
            RecordClient client = local.defaultOrgClient();
            RecordResult written = client.write(RecordWrite.insert("Account", Map.of("Name", "Written remotely")));
            assertThat(written.success()).isTrue();
            assertThat(local.defaultOrg().embedded()).isEmpty();
            given().port(local.port()).header("Authorization", "Bearer local-admin-token-0123456789")
                    .get("http://localhost/services/data/v62.0/sobjects").then().statusCode(404);
        }
        remote.anonymous().header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
                .queryParam("q", "SELECT Name FROM Account WHERE Name = 'Written remotely'")
                .get("/services/data/v62.0/query").then().statusCode(200)
                .body("totalSize", org.hamcrest.Matchers.equalTo(1));
    }
}
