package org.openpayloads.connector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.connector.salesforce.OrgStub.DATA;
import static org.openpayloads.connector.salesforce.OrgStub.TOKEN_PATH;
import static org.openpayloads.connector.salesforce.OrgStub.fixture;
import static org.openpayloads.connector.salesforce.OrgStub.fixtureAnswer;
import static org.openpayloads.connector.salesforce.OrgStub.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.RetriableException;
import org.openpayloads.connector.salesforce.RecordingListener.Usage;

/** Authenticated calls: the refresh on 401, the request limit, server errors and usage reports. */
class OrgApiTest {

    private static final String DESCRIBE = DATA + "/sobjects/Account/describe";

    private final OrgStub org = new OrgStub();

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void anExpiredSessionIsRefreshedOnceAndTheCallRetried() throws Exception {
        tokenThenRefreshedToken();
        org.server.stubFor(get(urlEqualTo(DESCRIBE)).withHeader("Authorization", org.bearer())
                .willReturn(fixtureAnswer(401, "error-invalid_session_id.json")));
        org.server.stubFor(get(urlEqualTo(DESCRIBE)).withHeader("Authorization", equalTo("Bearer refreshed_access_token"))
                .willReturn(fixtureAnswer(200, "describe-account.json")));

        try (SalesforceClient client = org.connect()) {
            assertThat(client.describe("Account").fields()).containsKey("AnnualRevenue");
            assertThat(client.callCount()).isEqualTo(4);
        }
        org.server.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        org.server.verify(2, getRequestedFor(urlEqualTo(DESCRIBE)));
    }

    @Test
    void aFreshTokenRefusedAgainIsAConfigErrorAfterOneRefreshOnly() throws Exception {
        tokenThenRefreshedToken();
        org.server.stubFor(get(urlEqualTo(DESCRIBE))
                .willReturn(fixtureAnswer(401, "error-invalid_session_id-object-form.json")));

        try (SalesforceClient client = org.connect()) {
            assertThatThrownBy(() -> client.describe("Account")).isInstanceOfSatisfying(ConfigException.class, e -> {
                assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("clientId");
                    assertThat(error.message()).contains("refused a freshly issued access token",
                            "INVALID_SESSION_ID: This session is not valid for use with the REST API", "'api' OAuth scope");
                });
            });
        }
        org.server.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        org.server.verify(2, getRequestedFor(urlEqualTo(DESCRIBE)));
    }

    @Test
    void theDailyRequestLimitIsRetriableAfterAnHourWithoutRetryingNow() {
        org.tokenOk();
        // No licensed fixture records this body; its text is the one attested in public issue threads.
        org.server.stubFor(get(urlEqualTo(DESCRIBE)).willReturn(json(403,
                "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]")));

        try (SalesforceClient client = org.connect()) {
            assertThatThrownBy(() -> client.describe("Account")).isInstanceOfSatisfying(RetriableException.class, e -> {
                assertThat(e.retryAfter()).contains(Duration.ofHours(1));
                assertThat(e.getMessage()).contains("over its API request limit", "TotalRequests Limit exceeded.");
            });
            assertThat(client.callCount()).isEqualTo(2);
        }
        assertThat(org.timer.waits).isEmpty();
    }

    @Test
    void theConcurrentRequestLimitClearsSooner() {
        org.tokenOk();
        org.server.stubFor(get(urlEqualTo(DESCRIBE)).willReturn(json(403, "[{\"message\":\"ConcurrentPerOrgLongTxn "
                + "Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]")));
        try (SalesforceClient client = org.connect()) {
            assertThatThrownBy(() -> client.describe("Account")).isInstanceOfSatisfying(RetriableException.class,
                    e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(1)));
        }
    }

    @Test
    void aServerErrorIsRetriableAtOnce() {
        org.tokenOk();
        org.server.stubFor(get(urlEqualTo(DESCRIBE)).willReturn(json(500,
                "[{\"message\":\"An unexpected error occurred\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]")));
        try (SalesforceClient client = org.connect()) {
            assertThatThrownBy(() -> client.describe("Account")).isInstanceOf(RetriableException.class)
                    .hasMessage("Salesforce answered 500 to GET " + DESCRIBE
                            + ": UNKNOWN_EXCEPTION: An unexpected error occurred");
            assertThat(client.callCount()).isEqualTo(2);
        }
    }

    @Test
    void reportsApiUsageFromEveryAnswerAndWarnsOncePastTheThreshold() {
        org.tokenOk();
        org.server.stubFor(get(urlPathEqualTo(DATA + "/query")).willReturn(fixtureAnswer(200, "query-empty.json")
                .withHeader("Sforce-Limit-Info", "api-usage=4100/5000, per-app-api-usage=17/250(appName=sample)")));
        try (SalesforceClient client = org.connect()) {
            client.findId("Account", "Name", "a");
            client.findId("Account", "Name", "b");
        }
        assertThat(org.listener.usages).containsExactly(new Usage(org.url(), 4100, 5000), new Usage(org.url(), 4100, 5000));
        assertThat(org.listener.warnings).singleElement().asString()
                .contains("4100 of 5000 requests (82%)", "threshold of 80% (limitWarnPercent)");
    }

    private void tokenThenRefreshedToken() throws Exception {
        ObjectNode refreshed = (ObjectNode) Json.MAPPER.readTree(fixture("oauth-refresh-success.json"));
        refreshed.put("instance_url", org.url());
        org.server.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("token").whenScenarioStateIs(STARTED)
                .willReturn(json(200, org.tokenBody())).willSetStateTo("issued"));
        org.server.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("token").whenScenarioStateIs("issued")
                .willReturn(json(200, refreshed.toString())));
    }
}
