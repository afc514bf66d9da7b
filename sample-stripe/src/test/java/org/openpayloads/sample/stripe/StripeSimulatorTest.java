package org.openpayloads.sample.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.connector.ConnectorContext;
import org.openpayloads.connector.stripe.StripeClient;
import org.openpayloads.connector.stripe.StripeConnector;
import org.openpayloads.connector.stripe.StripeException;

/** The simulator, read by the Stripe connector's own client as a poller would read Stripe. */
class StripeSimulatorTest {

    private final Clock clock = Clock.systemUTC();
    private final StripeSimulator simulator = StripeSimulator.start(0, StripeSimulator.demoData(4, 20, clock), clock);

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void chargesListNewestFirstPageByPageAsStripeDoes() {
        List<JsonNode> charges = client("sk_test_simulator").list("/v1/charges", Map.of("limit", "3"), List.of())
                .toList();

        assertThat(charges).hasSize(20);
        assertThat(charges).extracting(c -> c.path("id").asText()).doesNotHaveDuplicates()
                .startsWith("ch_sim_seed_20", "ch_sim_seed_19").endsWith("ch_sim_seed_1");
        assertThat(charges).extracting(c -> c.path("created").asLong()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(charges.get(0).path("object").asText()).isEqualTo("charge");
    }

    @Test
    void createdBoundsAndTheCustomerFilterTheList() {
        StripeClient client = client("sk_test_simulator");
        List<JsonNode> all = client.list("/v1/charges", Map.of(), List.of()).toList();
        long middle = all.get(10).path("created").asLong();

        List<JsonNode> newer = client.list("/v1/charges", Map.of("created[gt]", Long.toString(middle)), List.of())
                .toList();
        List<JsonNode> ofOne = client.list("/v1/charges", Map.of("customer", "cus_demo000002"), List.of()).toList();

        assertThat(newer).hasSize(10).allSatisfy(c -> assertThat(c.path("created").asLong()).isGreaterThan(middle));
        assertThat(ofOne).hasSize(5).allSatisfy(c -> assertThat(c.path("customer").asText())
                .isEqualTo("cus_demo000002"));
    }

    @Test
    void aNewChargeComesFirstAndItsCustomerCanBeRetrieved() {
        JsonNode added = simulator.addCharge(7, 1000, "jpy");
        StripeClient client = client("sk_test_simulator");

        JsonNode first = client.list("/v1/charges", Map.of("limit", "1"), List.of()).findFirst().orElseThrow();
        JsonNode customer = client.retrieve(StripeClient.path("/v1/customers/{id}", "cus_demo000007"), List.of());

        assertThat(first.path("id").asText()).isEqualTo(added.path("id").asText());
        assertThat(first.path("currency").asText()).isEqualTo("jpy");
        assertThat(customer.path("object").asText()).isEqualTo("customer");
        assertThat(customer.path("name").asText()).isEqualTo(ChargeEvents.customer(7).name());
        assertThat(simulator.chargeCount()).isEqualTo(21);
    }

    @Test
    void aMissingCustomerIsStripesResourceMissing() {
        assertThatThrownBy(() -> client("sk_test_simulator").retrieve("/v1/customers/cus_nobody", List.of()))
                .isInstanceOfSatisfying(StripeException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("resource_missing");
                })
                .hasMessageContaining("No such customer: 'cus_nobody'");
    }

    @Test
    void aKeyThatIsNotATestKeyIsRefusedInStripesErrorForm() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + simulator.port() + "/v1/charges")).header("Authorization", "Bearer sk_live_x")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("\"type\":\"invalid_request_error\"", "Invalid API Key provided");
    }

    private StripeClient client(String key) {
        return new StripeConnector().connect(ConnectorContext.of(StripeClient.defaultTransport()), Map.of(
                "apiBase", "http://127.0.0.1:" + simulator.port(), "secretKey", key));
    }
}
