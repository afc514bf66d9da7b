package org.openpayloads.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.connector.Connectors;
import org.openpayloads.api.connector.PollPage;
import org.openpayloads.connector.stripe.StripeConnector;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.ResolvedCredential;
import org.openpayloads.testkit.Fixtures;

/** The engine's API reads through the installed connectors, against a stub of Stripe on the published shapes. */
class ConnectorApisTest {

    private static final String TEST_KEY = "sk_test_connector_apis_0123456789";
    private static final String LIVE_KEY = "sk_live_connector_apis_0123456789";

    private final WireMockServer stripe = new WireMockServer(wireMockConfig().dynamicPort());
    private final Map<String, ResolvedCredential> credentials = new HashMap<>();
    private final AtomicInteger resolved = new AtomicInteger();
    private ConnectorApis apis;

    @BeforeEach
    void start() {
        stripe.start();
        stripe.stubFor(get(urlPathEqualTo("/v1/customers/cus_NffrFeUfNV2Hib")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.bytes("stripe/openapi-customer.json"))));
        stripe.stubFor(get(urlPathEqualTo("/v1/customers/cus_missing")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody(Fixtures.bytes("stripe/error-invalid_request.json"))));
        stripe.stubFor(get(urlPathEqualTo("/v1/charges")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.bytes("stripe/list-charges.json"))));
        credentials.put("stripe", stripeCredential(TEST_KEY));
        apis = apis(EnvironmentProfile.SANDBOX, Duration.ofMinutes(1));
    }

    @AfterEach
    void stop() {
        stripe.stop();
    }

    @Test
    void readsAResourceWithTheCredentialsKey() {
        assertThat(apis.get("shop", "stripe", "/v1/customers/cus_NffrFeUfNV2Hib").path("object").asText())
                .isEqualTo("customer");
        stripe.verify(getRequestedFor(urlPathEqualTo("/v1/customers/cus_NffrFeUfNV2Hib"))
                .withHeader("Authorization", equalTo("Bearer " + TEST_KEY)));
    }

    @Test
    void aRefusalIsAMappingErrorThatNamesTheCall() {
        assertThatThrownBy(() -> apis.get("shop", "stripe", "/v1/customers/cus_missing"))
                .isInstanceOf(MappingException.class).hasMessageContaining("404")
                .hasMessageContaining("/v1/customers/cus_missing");
    }

    @Test
    void theClientIsKeptForAWhileSoTheCredentialIsReadOnce() {
        apis.get("shop", "stripe", "/v1/customers/cus_NffrFeUfNV2Hib");
        apis.get("shop", "stripe", "/v1/customers/cus_NffrFeUfNV2Hib");

        assertThat(resolved).hasValue(1);
    }

    @Test
    void aLiveKeyIsRefusedAtRunTimeOnASandboxServerWithoutACall() {
        credentials.put("stripe", stripeCredential(LIVE_KEY));

        assertThatThrownBy(() -> apis.get("shop", "stripe", "/v1/customers/cus_NffrFeUfNV2Hib"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("live")
                .hasMessageNotContaining(LIVE_KEY);
        assertThat(stripe.getAllServeEvents()).isEmpty();
    }

    @Test
    void aTestKeyIsRefusedOnAProductionServer() {
        ConnectorApis production = apis(EnvironmentProfile.PRODUCTION, Duration.ofMinutes(1));

        assertThatThrownBy(() -> production.get("shop", "stripe", "/v1/customers/cus_NffrFeUfNV2Hib"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .filteredOn(error -> error.field().equals("secretKey")).singleElement()
                        .satisfies(error -> assertThat(error.message()).contains("test").doesNotContain(TEST_KEY)));
    }

    @Test
    void aMissingCredentialOrOneNoConnectorReadsIsAConfigError() {
        assertThatThrownBy(() -> apis.get("shop", "nope", "/v1/customers/x"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("credential", "'nope' is not a credential of integration shop")));
        credentials.put("basic", new ResolvedCredential("basic", CredentialType.BASIC, Map.of("username", "u"),
                Map.of("password", "p")));
        assertThatThrownBy(() -> apis.get("shop", "basic", "/v1/customers/x"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("BASIC credential")
                .hasMessageContaining("STRIPE");
    }

    @Test
    void pollsThroughTheConnectorsTrigger() throws Exception {
        PollPage page = apis.poll("shop", "stripe", "new-charge", Map.of("expand", "none"), null, null, 10);

        assertThat(page.items()).isEmpty();
        String newest = new ObjectMapper().readTree(Fixtures.bytes("stripe/list-charges.json")).path("data").path(0)
                .path("id").asText();
        assertThat(page.watermark().lastId()).isEqualTo(newest);
        stripe.verify(getRequestedFor(urlPathEqualTo("/v1/charges")).withQueryParam("limit", equalTo("1")));
    }

    @Test
    void checksATriggerAndItsOptionsForTheCredentialType() {
        assertThat(apis.checkTrigger(CredentialType.STRIPE, "new-charge", Map.of("expand", "customer"))).isEmpty();
        assertThat(apis.checkTrigger(CredentialType.STRIPE, "new-refund", Map.of()))
                .singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("trigger");
                    assertThat(error.message()).contains("'new-refund' is not a trigger of the stripe connector")
                            .contains("new-charge, new-customer");
                });
        assertThat(apis.checkTrigger(CredentialType.STRIPE, "new-charge", Map.of("pageSize", "500")))
                .extracting(FieldError::field).containsExactly("options.pageSize");
        assertThat(apis.checkTrigger(CredentialType.BASIC, "new-charge", Map.of()))
                .singleElement().satisfies(error -> assertThat(error.message())
                        .contains("cannot run on a BASIC credential").contains("STRIPE"));
    }

    private ConnectorApis apis(EnvironmentProfile profile, Duration reopenAfter) {
        return new ConnectorApis(Connectors.of(List.of(new StripeConnector())), (integration, name) -> {
            resolved.incrementAndGet();
            return Optional.ofNullable(credentials.get(name));
        }, profile, Clock.systemUTC(), reopenAfter);
    }

    private ResolvedCredential stripeCredential(String key) {
        return new ResolvedCredential("stripe", CredentialType.STRIPE, Map.of("apiBase", stripe.baseUrl()),
                Map.of("secretKey", key));
    }
}
