package org.openpayloads.connector.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openpayloads.api.connector.ConnectorContext;
import org.openpayloads.api.connector.ConnectorListener;
import org.openpayloads.testkit.Fixtures;

/**
 * The Stripe API on WireMock, on a random port, answering with the shared fixtures. Clients made here
 * use the real HTTP/1.1 transport, a sleeper that only records, and a backoff without jitter (each wait is
 * the full ceiling: 500 ms, 1 s, 2 s, …).
 */
final class StripeStub implements AutoCloseable {

    static final String TEST_KEY = "sk_test_51OpenPayloadsStubKey0000000000000001";
    static final String LIVE_KEY = "sk_live_51OpenPayloadsStubKey0000000000000002";
    static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");

    final WireMockServer server = new WireMockServer(options().dynamicPort());
    final RecordingSleeper sleeper = new RecordingSleeper();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    StripeStub() {
        server.start();
    }

    String url() {
        return server.baseUrl();
    }

    /** A fixture of the Stripe set, as text, for example {@code fixture("list-charges.json")}. */
    static String fixture(String name) {
        return Fixtures.text("stripe/" + name);
    }

    /** A sandbox config against this stub, with {@code overrides} applied (a null value removes the option). */
    Map<String, String> config(String... overrides) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("apiBase", url());
        config.put("secretKey", TEST_KEY);
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                config.remove(overrides[i]);
            } else {
                config.put(overrides[i], overrides[i + 1]);
            }
        }
        return config;
    }

    StripeClient connect(String... overrides) {
        return new StripeConnector().open(context(), config(overrides), sleeper, fullBackoff());
    }

    ConnectorContext context() {
        return new ConnectorContext(clock, StripeClient.defaultTransport(), ConnectorListener.NONE);
    }

    /** Backoff without jitter: every wait is the full ceiling. */
    static Backoff fullBackoff() {
        return new Backoff(Backoff.BASE, bound -> bound);
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withHeader("Request-Id",
                "req_stub" + status).withBody(body);
    }

    static ResponseDefinitionBuilder fixtureAnswer(int status, String name) {
        return json(status, fixture(name));
    }

    @Override
    public void close() {
        server.stop();
    }
}
