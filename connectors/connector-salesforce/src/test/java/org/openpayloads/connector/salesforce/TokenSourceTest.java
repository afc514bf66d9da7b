package org.openpayloads.connector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.connector.salesforce.OrgStub.DATA;
import static org.openpayloads.connector.salesforce.OrgStub.TOKEN_PATH;
import static org.openpayloads.connector.salesforce.OrgStub.fixtureAnswer;
import static org.openpayloads.connector.salesforce.OrgStub.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.PayloadsException;
import org.openpayloads.api.RetriableException;

/** The three OAuth flows against the token endpoint, and the token cache. */
class TokenSourceTest {

    private final OrgStub org = new OrgStub();

    @BeforeEach
    void describeAnswers() {
        org.server.stubFor(get(urlPathEqualTo(DATA + "/sobjects/Account/describe"))
                .withHeader("Authorization", org.bearer()).willReturn(fixtureAnswer(200, "describe-account.json")));
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void clientCredentialsPostsTheFormOnceAndCachesTheToken() {
        org.tokenOk();
        org.server.stubFor(get(urlPathEqualTo(DATA + "/query")).willReturn(fixtureAnswer(200, "query-empty.json")));
        try (SalesforceClient client = org.connect()) {
            client.describe("Account");
            assertThat(client.findId("Account", "Name", "x")).isEmpty();
            assertThat(client.callCount()).isEqualTo(3);
        }
        List<LoggedRequest> tokens = org.server.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(form(tokens.get(0))).containsExactly(Map.entry("grant_type", "client_credentials"),
                Map.entry("client_id", "3MVG9test.client.id"), Map.entry("client_secret", OrgStub.CLIENT_SECRET));
    }

    @Test
    void invalidGrantIsAConfigErrorNamingTheCredentialFieldsNotTheSecret() {
        org.server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(fixtureAnswer(400, "oauth-token-error-invalid_grant.json")));
        try (SalesforceClient client = org.connect()) {
            assertThatThrownBy(() -> client.describe("Account"))
                    .isInstanceOfSatisfying(ConfigException.class, e -> {
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly("clientId", "clientSecret");
                        assertThat(e.errors().get(0).message()).contains("refused the CLIENT_CREDENTIALS login",
                                "invalid_grant", "authentication failure - Invalid Password", "check clientId and clientSecret");
                        assertThat(e.toString()).doesNotContain(OrgStub.CLIENT_SECRET);
                    });
        }
    }

    @Test
    void passwordFlowSendsUserAndPasswordAndBlamesThemOnInvalidGrant() {
        org.server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(fixtureAnswer(400, "oauth-token-error-invalid_grant.json")));
        try (SalesforceClient client = org.connect("flow", "PASSWORD", "username", "ann@example.com",
                "password", "pa ss&word+token")) {
            assertThatThrownBy(() -> client.describe("Account")).isInstanceOfSatisfying(ConfigException.class,
                    e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("username", "password"));
        }
        Map<String, String> form = form(org.server.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).get(0));
        assertThat(form).containsEntry("grant_type", "password").containsEntry("username", "ann@example.com")
                .containsEntry("password", "pa ss&word+token").containsEntry("client_secret", OrgStub.CLIENT_SECRET);
    }

    @Test
    void jwtBearerAssertionVerifiesWithThePublicKey() throws Exception {
        org.tokenOk();
        try (SalesforceClient client = org.connect("flow", "JWT", "clientSecret", null, "username", "ann@example.com",
                "privateKey", TestKeys.PRIVATE_PEM)) {
            client.describe("Account");
        }
        Map<String, String> form = form(org.server.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).get(0));
        assertThat(form).containsOnlyKeys("grant_type", "assertion")
                .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");

        String[] parts = form.get("assertion").split("\\.");
        assertThat(parts).hasSize(3);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(TestKeys.PAIR.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        JsonNode header = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(claims.path("iss").asText()).isEqualTo("3MVG9test.client.id");
        assertThat(claims.path("sub").asText()).isEqualTo("ann@example.com");
        assertThat(claims.path("aud").asText()).isEqualTo(org.url());
        long exp = claims.path("exp").asLong();
        assertThat(exp - OrgStub.NOW.getEpochSecond()).isPositive().isLessThanOrEqualTo(180);
    }

    @Test
    void aTokenEndpointOutageIsRetriedThenRetriable() {
        org.server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(json(503, "")));
        try (SalesforceClient client = org.connect("maxRetries", "2")) {
            assertThatThrownBy(() -> client.describe("Account")).isInstanceOf(RetriableException.class)
                    .hasMessageContaining("POST /services/oauth2/token was answered 503")
                    .hasMessageContaining("gave up after 3 attempts");
        }
        org.server.verify(3, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void aFailedLoginIsTriedAgainOnTheNextCall() {
        org.server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(json(500, "")));
        try (SalesforceClient client = org.connect()) {
            assertThatThrownBy(() -> client.describe("Account")).isInstanceOf(RetriableException.class)
                    .hasMessageContaining("login").hasMessageContaining("500");
            org.tokenOk();
            assertThat(client.describe("Account").name()).isEqualTo("Account");
        }
    }

    @Test
    void aTokenResponseWithoutInstanceUrlSaysSo() {
        org.server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(json(200, "{\"access_token\":\"abc\"}")));
        try (SalesforceClient client = org.connect()) {
            assertThatThrownBy(() -> client.describe("Account")).isInstanceOf(PayloadsException.class)
                    .hasMessageContaining("had no instance_url");
        }
        org.server.verify(0, getRequestedFor(urlPathEqualTo(DATA + "/sobjects/Account/describe")));
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return form;
    }
}
