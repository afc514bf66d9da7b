package org.openpayloads.sample.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.connector.ConnectorContext;
import org.openpayloads.api.connector.ConnectorListener;
import org.openpayloads.api.connector.PollPage;
import org.openpayloads.api.connector.PollingTrigger;
import org.openpayloads.api.connector.Watermark;
import org.openpayloads.connector.stripe.StripeClient;
import org.openpayloads.connector.stripe.StripeConnector;
import org.openpayloads.connector.stripe.StripeException;
import org.openpayloads.testkit.SettableClock;

/** The simulator, read by the Stripe connector's own client and its new-charge trigger, as the server reads Stripe. */
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

    @Test
    void aListExpandsEachChargesCustomerOnACopy() {
        StripeClient client = client("sk_test_simulator");

        List<JsonNode> expanded = client.list("/v1/charges", Map.of("limit", "5"), List.of("data.customer")).toList();
        List<JsonNode> plain = client.list("/v1/charges", Map.of("limit", "5"), List.of()).toList();

        assertThat(expanded).hasSize(20).allSatisfy(charge -> {
            assertThat(charge.path("customer").path("object").asText()).isEqualTo("customer");
            assertThat(charge.path("customer").path("id").asText()).startsWith("cus_demo");
        });
        assertThat(expanded.get(0).path("customer").path("name").asText()).isEqualTo(ChargeEvents.customer(4).name());
        assertThat(plain).as("the stored charges keep the customer's id").hasSize(20)
                .allSatisfy(charge -> assertThat(charge.path("customer").isTextual()).isTrue());
    }

    @Test
    void aRetrievedChargeExpandsItsCustomer() {
        StripeClient client = client("sk_test_simulator");
        String path = StripeClient.path("/v1/charges/{id}", "ch_sim_seed_3");

        JsonNode expanded = client.retrieve(path, List.of("customer"));
        JsonNode plain = client.retrieve(path, List.of());

        assertThat(expanded.path("customer").path("id").asText()).isEqualTo("cus_demo000003");
        assertThat(expanded.path("customer").path("email").asText()).isEqualTo(ChargeEvents.customer(3).email());
        assertThat(plain.path("customer").asText()).isEqualTo("cus_demo000003");
    }

    @Test
    void aGuestChargeKeepsItsNullCustomerWhenExpanded() {
        ObjectNode data = StripeSimulator.demoData(1, 1, clock);
        ((ObjectNode) data.path("charges").get(0)).putNull("customer");
        try (StripeSimulator guests = StripeSimulator.start(0, data, clock)) {
            JsonNode charge = client(guests, "sk_test_simulator").list("/v1/charges", Map.of(),
                    List.of("data.customer")).findFirst().orElseThrow();

            assertThat(charge.path("customer").isNull()).isTrue();
        }
    }

    @Test
    void aFieldThatCannotBeExpandedIsStripesError() {
        StripeClient client = client("sk_test_simulator");

        assertThatThrownBy(() -> client.list("/v1/charges", Map.of(), List.of("data.customer", "data.invoice")).toList())
                .isInstanceOfSatisfying(StripeException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.type()).isEqualTo("invalid_request_error");
                    assertThat(e.param()).isEqualTo("expand");
                    assertThat(e.stripeMessage()).isEqualTo("This property cannot be expanded (data.invoice).");
                });
        assertThatThrownBy(() -> client.list("/v1/charges", Map.of(), List.of("customer")).toList())
                .as("a list needs the data. prefix").isInstanceOf(StripeException.class)
                .hasMessageContaining("This property cannot be expanded (customer).");
        assertThatThrownBy(() -> client.retrieve("/v1/charges/ch_sim_seed_1", List.of("data.customer")))
                .isInstanceOf(StripeException.class).hasMessageContaining("(data.customer)");
        assertThatThrownBy(() -> client.retrieve("/v1/customers/cus_demo000001", List.of("default_source")))
                .isInstanceOf(StripeException.class).hasMessageContaining("(default_source)");
    }

    @Test
    void endingBeforeAnswersTheChargesJustNewerThanTheCursorNewestFirst() throws Exception {
        JsonNode middle = get("/v1/charges?limit=3&ending_before=ch_sim_seed_10");
        JsonNode top = get("/v1/charges?limit=3&ending_before=ch_sim_seed_18");
        JsonNode older = get("/v1/charges?limit=3&starting_after=ch_sim_seed_3");

        assertThat(ids(middle)).containsExactly("ch_sim_seed_13", "ch_sim_seed_12", "ch_sim_seed_11");
        assertThat(middle.path("has_more").asBoolean()).as("14 to 20 are newer still").isTrue();
        assertThat(ids(top)).containsExactly("ch_sim_seed_20", "ch_sim_seed_19");
        assertThat(top.path("has_more").asBoolean()).isFalse();
        assertThat(ids(older)).containsExactly("ch_sim_seed_2", "ch_sim_seed_1");
        assertThat(older.path("has_more").asBoolean()).isFalse();
        assertThat(get("/v1/charges?ending_before=ch_nobody").path("error").path("param").asText())
                .isEqualTo("ending_before");
        assertThat(get("/v1/charges?ending_before=ch_sim_seed_2&starting_after=ch_sim_seed_1").path("error")
                .path("message").asText()).isEqualTo("You may only specify one of these parameters: ending_before, "
                        + "starting_after.");
    }

    @Test
    void addChargeHandsOutACopy() {
        ObjectNode added = (ObjectNode) simulator.addCharge(1, 700, "usd");
        added.put("amount", 1);

        JsonNode stored = client("sk_test_simulator").retrieve(StripeClient.path("/v1/charges/{id}",
                added.path("id").asText()), List.of());

        assertThat(stored.path("amount").asLong()).isEqualTo(700);
    }

    @Test
    void theNewChargeTriggerReadsEveryChargeOnceOldestFirstThroughItsWatermark() {
        SettableClock time = new SettableClock(Instant.parse("2026-11-20T10:00:00Z"));
        try (StripeSimulator empty = StripeSimulator.start(0, StripeSimulator.demoData(3, 0, time), time)) {
            StripeClient client = new StripeConnector().open(new ConnectorContext(time, StripeClient.defaultTransport(),
                    ConnectorListener.NONE), Map.of("apiBase", "http://127.0.0.1:" + empty.port(), "secretKey",
                    "sk_test_simulator"));
            PollingTrigger newCharge = new StripeConnector().triggers().stream()
                    .filter(t -> t.name().equals("new-charge")).findFirst().orElseThrow();

            PollPage start = newCharge.poll(client, Map.of(), null, null, 100);
            assertThat(start.items()).isEmpty();
            assertThat(start.watermark()).isEqualTo(new Watermark(time.instant().getEpochSecond(), null));

            List<String> made = addCharges(empty, time, 250);
            List<JsonNode> taken = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            Watermark mark = drain(newCharge, client, start.watermark(), taken, sizes);
            assertThat(sizes).containsExactly(100, 100, 50);

            made.addAll(addCharges(empty, time, 30));
            mark = drain(newCharge, client, mark, taken, sizes);
            assertThat(sizes).containsExactly(100, 100, 50, 30);

            assertThat(newCharge.poll(client, Map.of(), mark, null, 100).items()).isEmpty();
            assertThat(taken).extracting(c -> c.path("id").asText()).as("no gap, no repeat, oldest first")
                    .containsExactlyElementsOf(made);
            assertThat(taken).allSatisfy(c -> assertThat(c.path("customer").path("object").asText())
                    .isEqualTo("customer"));
            assertThat(newCharge.poll(client, Map.of(), null, Instant.parse("2026-11-20T10:00:00Z"), 100).items())
                    .as("a backfill starts with the oldest").extracting(c -> c.path("id").asText())
                    .containsExactlyElementsOf(made.subList(0, 100));
        }
    }

    /** Adds {@code count} charges, seven a second, so that pages end inside a second. */
    private static List<String> addCharges(StripeSimulator simulator, SettableClock time, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i % 7 == 6) {
                time.advance(Duration.ofSeconds(1));
            }
            ids.add(simulator.addCharge(1 + i % 3, 1000 + i, "usd").path("id").asText());
        }
        return ids;
    }

    /** Polls pages of 100 while more are waiting; returns the last watermark. */
    private static Watermark drain(PollingTrigger trigger, StripeClient client, Watermark from, List<JsonNode> taken,
                                   List<Integer> sizes) {
        Watermark mark = from;
        PollPage page;
        do {
            page = trigger.poll(client, Map.of(), mark, null, 100);
            taken.addAll(page.items());
            sizes.add(page.items().size());
            mark = page.watermark();
        } while (page.more());
        return mark;
    }

    private JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + simulator.port() + pathAndQuery)).header("Authorization", "Bearer sk_test_x")
                .build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(answer.body());
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("data").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private StripeClient client(String key) {
        return client(simulator, key);
    }

    private static StripeClient client(StripeSimulator simulator, String key) {
        return new StripeConnector().connect(ConnectorContext.of(StripeClient.defaultTransport()), Map.of(
                "apiBase", "http://127.0.0.1:" + simulator.port(), "secretKey", key));
    }
}
