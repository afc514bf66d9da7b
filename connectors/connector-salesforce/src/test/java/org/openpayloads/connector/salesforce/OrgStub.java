package org.openpayloads.connector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openpayloads.api.connector.ConnectorContext;
import org.openpayloads.api.connector.JdkHttpTransport;
import org.openpayloads.testkit.Fixtures;

/**
 * A Salesforce org on WireMock, on a random port, answering with the shared fixtures. The token
 * endpoint's instance_url is rewritten to point back at the stub; everything else is as published.
 */
final class OrgStub implements AutoCloseable {

    static final String DATA = "/services/data/v62.0";
    static final String TOKEN_PATH = "/services/oauth2/token";
    static final String CLIENT_SECRET = "test-consumer-secret-8d1e";
    static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");

    final WireMockServer server = new WireMockServer(options().dynamicPort().extensions(new CollectionsEcho()));
    final RecordingTimer timer = new RecordingTimer();
    final RecordingListener listener = new RecordingListener();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    OrgStub() {
        server.start();
    }

    String url() {
        return server.baseUrl();
    }

    /** A fixture file of the Salesforce set, as text. */
    static String fixture(String name) {
        return Fixtures.text("salesforce/" + name);
    }

    /** oauth-token-success.json, whose instance_url is the stub. */
    String tokenBody() {
        try {
            ObjectNode token = (ObjectNode) Json.MAPPER.readTree(fixture("oauth-token-success.json"));
            return token.put("instance_url", url()).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String accessToken() {
        return Json.text(Json.tree(tokenBody().getBytes(java.nio.charset.StandardCharsets.UTF_8)), "access_token");
    }

    void tokenOk() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(json(200, tokenBody())));
    }

    /** The client-credentials config against this stub, fast retries, with {@code overrides} applied. */
    Map<String, String> config(String... overrides) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("loginUrl", url());
        config.put("clientId", "3MVG9test.client.id");
        config.put("clientSecret", CLIENT_SECRET);
        config.put("retryBaseMillis", "1");
        config.put("lingerMillis", "20");
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                config.remove(overrides[i]);
            } else {
                config.put(overrides[i], overrides[i + 1]);
            }
        }
        return config;
    }

    SalesforceClient connect(String... overrides) {
        return connect(config(overrides));
    }

    SalesforceClient connect(Map<String, String> config) {
        return new SalesforceConnector().open(new ConnectorContext(clock, new JdkHttpTransport(), listener), config, timer);
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
    }

    static ResponseDefinitionBuilder fixtureAnswer(int status, String fixture) {
        return json(status, fixture(fixture));
    }

    /** Matches the bearer token the stub issues. */
    com.github.tomakehurst.wiremock.matching.StringValuePattern bearer() {
        return equalTo("Bearer " + accessToken());
    }

    @Override
    public void close() {
        server.stop();
    }
}
