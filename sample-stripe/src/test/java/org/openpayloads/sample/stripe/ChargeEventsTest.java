package org.openpayloads.sample.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpayloads.testkit.Fixtures;

class ChargeEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ChargeEvents events = new ChargeEvents();

    @Test
    void anEventIsThePublishedChargeInStripesEnvelopeWithItsOwnValues() throws IOException {
        ChargeEvents.Customer customer = ChargeEvents.customer(12);
        JsonNode event = JSON.readTree(events.chargeSucceeded("evt_1", "ch_1", customer, customer, 1999, "USD",
                Instant.ofEpochSecond(1_700_000_000)));
        JsonNode published = JSON.readTree(Fixtures.bytes("stripe/event-data-charge.succeeded.json"));

        assertThat(fieldNames(event)).containsExactlyInAnyOrder("id", "object", "api_version", "created", "data",
                "livemode", "pending_webhooks", "request", "type");
        assertThat(event.path("type").asText()).isEqualTo("charge.succeeded");
        JsonNode charge = event.path("data").path("object");
        List<String> expected = new ArrayList<>(fieldNames(published.path("object")));
        expected.add("object");
        assertThat(fieldNames(charge)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(charge.path("object").asText()).isEqualTo("charge");
        assertThat(charge.path("id").asText()).isEqualTo("ch_1");
        assertThat(charge.path("customer").asText()).isEqualTo("cus_demo000012");
        assertThat(charge.path("amount").asLong()).isEqualTo(1999);
        assertThat(charge.path("currency").asText()).isEqualTo("usd");
        assertThat(charge.path("created").asLong()).isEqualTo(1_700_000_000L);
        assertThat(charge.path("billing_details").path("name").asText()).isEqualTo(customer.name());
        assertThat(charge.path("billing_details").path("address").path("city").asText()).isEqualTo(customer.city());
    }

    @Test
    void aGuestChargeHasNoCustomerButKeepsItsBillingDetails() throws IOException {
        ChargeEvents.Customer billing = ChargeEvents.customer(1);
        JsonNode charge = JSON.readTree(events.chargeSucceeded("evt_2", "ch_2", null, billing, 500, "usd",
                Instant.now())).path("data").path("object");

        assertThat(charge.path("customer").isNull()).isTrue();
        assertThat(charge.path("billing_details").path("email").asText()).isEqualTo(billing.email());
    }

    @Test
    void demoCustomersAreTheSameOnEveryRun() {
        assertThat(ChargeEvents.customer(1)).isEqualTo(ChargeEvents.customer(1));
        assertThat(ChargeEvents.customer(1).id()).isEqualTo("cus_demo000001");
        assertThat(ChargeEvents.customer(1).name()).isEqualTo("Jenny Rosen");
        assertThat(ChargeEvents.customer(2).name()).isEqualTo("Ada Lovelace");
        assertThat(java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(n -> ChargeEvents.customer(n).name())
                .distinct().count()).isEqualTo(100);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
