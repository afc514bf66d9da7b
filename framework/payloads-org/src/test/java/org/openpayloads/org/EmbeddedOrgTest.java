package org.openpayloads.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgTesting.OpenOrg;
import org.openpayloads.org.query.SoqlQueryEngine;
import org.openpayloads.org.rest.OrgResource;

@Tag("database")
class EmbeddedOrgTest {

    @Test
    void recordsAndTheOrgIdSurviveARestart() {
        try (OpenOrg open = OpenOrg.create()) {
            String orgId = open.org.orgId();
            assertThat(orgId).startsWith("00D").hasSize(18);
            String id = open.json("POST", OrgTesting.BASE + "/sobjects/Account", "{\"Name\": \"Kept\"}").get("id")
                    .asText();
            open.reopen();
            assertThat(open.org.orgId()).isEqualTo(orgId);
            assertThat(open.json("GET", OrgTesting.BASE + "/sobjects/Account/" + id, "").get("Name").asText())
                    .isEqualTo("Kept");
            String next = open.json("POST", OrgTesting.BASE + "/sobjects/Account", "{\"Name\": \"After\"}").get("id")
                    .asText();
            assertThat(next).isNotEqualTo(id).startsWith("001");
            assertThat(open.org.schema().objects().stream().filter(o -> o.name().equals("Account"))).hasSize(1);
            assertThat(open.org.users().list()).hasSize(1);
        }
    }

    @Test
    void registerAddsTheResourcesAsClasses() {
        try (OpenOrg open = OpenOrg.create()) {
            ResourceConfig config = new ResourceConfig();
            open.org.register(config);
            assertThat(config.getClasses()).contains(OrgResource.Services.class, OrgResource.Admin.class);
            assertThat(config.getInstances()).hasSize(1);
        }
    }

    @Test
    void theSoqlEngineIsFoundOnTheClassPath() {
        assertThat(EmbeddedOrg.queryEngine()).get().isInstanceOf(SoqlQueryEngine.class);
    }

    @Test
    void handleAnswersAnythingWithoutThrowing() {
        try (OpenOrg open = OpenOrg.create()) {
            for (String path : new String[] {"/", "/services", "/services/data/v62.0/composite/x", "/api/v1/org",
                    "/services/data/v62.0/sobjects/Account/001/x/y/z", "/services/oauth2/revoke"}) {
                OrgResponse response = open.call("DELETE", path, "\u0000{");
                assertThat(response.status()).as(path).isBetween(400, 499);
                assertThat(response.headers()).containsKey("Sforce-Limit-Info");
            }
        }
    }

    @Test
    void settingsAndRequestsAreCheckedUpFront() {
        assertThatThrownBy(() -> new OrgSettings(new org.hsqldb.jdbc.JDBCDataSource(), Clock.systemUTC(), 0,
                AdminSessions.NONE)).hasMessage("dailyApiLimit was 0; expected 1 or more");
        assertThatThrownBy(() -> new OrgRequest(" ", "/x", null, Map.of(), new byte[0], "http://h"))
                .hasMessageContaining("method was blank");
        assertThatThrownBy(() -> new OrgRequest("GET", "x", null, Map.of(), new byte[0], "http://h"))
                .hasMessageContaining("path was 'x'");
        assertThat(new OrgRequest("GET", "/x", null, Map.of(), new byte[0], "http://h/").baseUrl()).isEqualTo(
                "http://h");
        assertThat(new OrgResponse(200, Map.of(), "é".getBytes(java.nio.charset.StandardCharsets.UTF_8)).bodyText())
                .isEqualTo("é");
        assertThat(AdminSessions.NONE.isAdminToken("anything")).isFalse();
    }
}
