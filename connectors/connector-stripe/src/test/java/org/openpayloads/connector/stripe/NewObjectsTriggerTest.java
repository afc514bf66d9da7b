package org.openpayloads.connector.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.connector.stripe.StripeStub.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.RetriableException;
import org.openpayloads.api.connector.ApiClient;
import org.openpayloads.api.connector.ConnectorContext;
import org.openpayloads.api.connector.ConnectorListener;
import org.openpayloads.api.connector.PollPage;
import org.openpayloads.api.connector.Watermark;
import org.openpayloads.testkit.ConfigTable;

/** The new-charge and new-customer triggers against Stripe on WireMock, request by request. */
class NewObjectsTriggerTest {

    private static final long T = 1_700_000_000L;
    private static final ObjectNode CHARGE = (ObjectNode) Json.tree(StripeStub.fixture("openapi-charge.json")
            .getBytes(StandardCharsets.UTF_8));
    private static final ObjectNode CUSTOMER = (ObjectNode) Json.tree(StripeStub.fixture("openapi-customer.json")
            .getBytes(StandardCharsets.UTF_8));

    private final StripeStub stripe = new StripeStub();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final StripeClient client = new StripeConnector().open(new ConnectorContext(stripe.clock,
            StripeClient.defaultTransport(), new Warnings(warnings)), stripe.config("maxAttempts", "2"),
            stripe.sleeper, StripeStub.fullBackoff());
    private final NewObjectsTrigger newCharge = NewObjectsTrigger.NEW_CHARGE;

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void aFirstPollTakesNothingAndMarksTheNewestCharge() {
        answer(charges().withQueryParam("limit", equalTo("1")), false, charge("ch_3", T + 300));

        PollPage page = newCharge.poll(client, Map.of(), null, null, 100);

        assertThat(page.items()).isEmpty();
        assertThat(page.watermark()).isEqualTo(new Watermark(T + 300, "ch_3"));
        assertThat(page.more()).isFalse();
        LoggedRequest request = only();
        assertThat(request.getUrl()).as("no expansion is needed for a watermark").isEqualTo("/v1/charges?limit=1");
    }

    @Test
    void aFirstPollOfAnEmptyAccountMarksNowWithoutAnId() {
        answer(charges(), false);

        PollPage page = newCharge.poll(client, Map.of(), null, null, 100);

        assertThat(page.items()).isEmpty();
        assertThat(page.watermark()).isEqualTo(new Watermark(StripeStub.NOW.getEpochSecond(), null));
        assertThat(page.more()).isFalse();
    }

    @Test
    void afterAWatermarkItPagesForwardWithEndingBeforeOldestFirstUpToMaxItems() {
        answer(charges().withQueryParam("ending_before", equalTo("ch_2")).withQueryParam("limit", equalTo("2")), true,
                charge("ch_4", T + 4), charge("ch_3", T + 3));
        answer(charges().withQueryParam("ending_before", equalTo("ch_4")).withQueryParam("limit", equalTo("1")), true,
                charge("ch_5", T + 5));
        answer(charges().withQueryParam("ending_before", equalTo("ch_5")).withQueryParam("limit", equalTo("2")), false,
                charge("ch_7", T + 7), charge("ch_6", T + 6));
        answer(charges().withQueryParam("ending_before", equalTo("ch_7")), false);
        Map<String, String> options = Map.of("pageSize", "2");

        PollPage first = newCharge.poll(client, options, new Watermark(T + 2, "ch_2"), null, 3);
        PollPage second = newCharge.poll(client, options, first.watermark(), null, 3);
        PollPage third = newCharge.poll(client, options, second.watermark(), null, 3);

        assertThat(ids(first)).containsExactly("ch_3", "ch_4", "ch_5");
        assertThat(first.watermark()).isEqualTo(new Watermark(T + 5, "ch_5"));
        assertThat(first.more()).isTrue();
        assertThat(ids(second)).containsExactly("ch_6", "ch_7");
        assertThat(second.watermark()).isEqualTo(new Watermark(T + 7, "ch_7"));
        assertThat(second.more()).isFalse();
        assertThat(requests()).extracting(r -> r.queryParameter("ending_before").firstValue())
                .containsExactly("ch_2", "ch_4", "ch_5", "ch_7");
        assertThat(requests()).allSatisfy(r -> {
            assertThat(r.queryParameter("expand[]").values()).containsExactly("data.customer");
            assertThat(r.queryParameter("starting_after").isPresent()).isFalse();
            assertThat(r.queryParameter("created[gte]").isPresent()).isFalse();
        });
        assertThat(third.items()).isEmpty();
        assertThat(third.watermark()).as("nothing new: the watermark stays").isEqualTo(second.watermark());
    }

    @Test
    void aPageLargerThanAskedForIsCutToTheOldestAndSaysMore() {
        answer(charges().withQueryParam("ending_before", equalTo("ch_2")), false,
                charge("ch_5", T + 5), charge("ch_4", T + 4), charge("ch_3", T + 3));

        PollPage page = newCharge.poll(client, Map.of(), new Watermark(T + 2, "ch_2"), null, 2);

        assertThat(ids(page)).containsExactly("ch_3", "ch_4");
        assertThat(page.watermark()).isEqualTo(new Watermark(T + 4, "ch_4"));
        assertThat(page.more()).isTrue();
    }

    @Test
    void chargesOfTheSameSecondAreToldApartByStripesOrder() {
        // Newest first, as Stripe lists them: b, c and d were made in the same second.
        answer(charges().withQueryParam("created[gte]", equalTo(Long.toString(T))), false,
                charge("ch_e", T + 2), charge("ch_d", T + 1), charge("ch_c", T + 1), charge("ch_b", T + 1),
                charge("ch_a", T));
        answer(charges().withQueryParam("ending_before", equalTo("ch_c")), false, charge("ch_e", T + 2),
                charge("ch_d", T + 1));

        PollPage backfill = newCharge.poll(client, Map.of(), null, Instant.ofEpochSecond(T), 3);
        PollPage next = newCharge.poll(client, Map.of(), backfill.watermark(), null, 3);

        assertThat(ids(backfill)).containsExactly("ch_a", "ch_b", "ch_c");
        assertThat(backfill.watermark()).isEqualTo(new Watermark(T + 1, "ch_c"));
        assertThat(backfill.more()).isTrue();
        assertThat(ids(next)).as("d, of the same second as c, is neither lost nor taken twice")
                .containsExactly("ch_d", "ch_e");
        assertThat(next.watermark()).isEqualTo(new Watermark(T + 2, "ch_e"));
    }

    @Test
    void aBackfillReadsTheRangeNewestFirstToTheEndAndKeepsTheOldest() {
        String from = Long.toString(T);
        answer(charges().withQueryParam("created[gte]", equalTo(from)).withQueryParam("starting_after", absent()),
                true, charge("ch_8", T + 8), charge("ch_7", T + 7), charge("ch_6", T + 6));
        answer(charges().withQueryParam("created[gte]", equalTo(from)).withQueryParam("starting_after",
                equalTo("ch_6")), true, charge("ch_5", T + 5), charge("ch_4", T + 4), charge("ch_3", T + 3));
        answer(charges().withQueryParam("created[gte]", equalTo(from)).withQueryParam("starting_after",
                equalTo("ch_3")), false, charge("ch_2", T + 2), charge("ch_1", T + 1));
        Map<String, String> options = Map.of("pageSize", "3");
        Instant since = Instant.ofEpochSecond(T, 500_000_000);

        PollPage four = newCharge.poll(client, options, null, since, 4);
        PollPage all = newCharge.poll(client, options, null, since, 8);

        assertThat(ids(four)).containsExactly("ch_1", "ch_2", "ch_3", "ch_4");
        assertThat(four.watermark()).isEqualTo(new Watermark(T + 4, "ch_4"));
        assertThat(four.more()).isTrue();
        assertThat(ids(all)).containsExactly("ch_1", "ch_2", "ch_3", "ch_4", "ch_5", "ch_6", "ch_7", "ch_8");
        assertThat(all.more()).isFalse();
        assertThat(requests()).hasSize(6).allSatisfy(r -> {
            assertThat(r.queryParameter("limit").firstValue()).isEqualTo("3");
            assertThat(r.queryParameter("created[gte]").firstValue()).as("the second of since, rounded down")
                    .isEqualTo(from);
        });
    }

    @Test
    void aBackfillWithNothingInRangeMarksItsStart() {
        answer(charges().withQueryParam("created[gte]", equalTo(Long.toString(T))), false);

        PollPage page = newCharge.poll(client, Map.of(), null, Instant.ofEpochSecond(T), 10);

        assertThat(page.items()).isEmpty();
        assertThat(page.watermark()).isEqualTo(new Watermark(T, null));
        assertThat(page.more()).isFalse();
    }

    @Test
    void aWatermarkWithoutAnIdReadsFromItsSecondAndIgnoresSince() {
        answer(charges().withQueryParam("created[gte]", equalTo(Long.toString(T))), false, charge("ch_2", T + 1),
                charge("ch_1", T));

        PollPage page = newCharge.poll(client, Map.of(), new Watermark(T, null), Instant.ofEpochSecond(T - 1000), 10);

        assertThat(ids(page)).containsExactly("ch_1", "ch_2");
        assertThat(page.watermark()).isEqualTo(new Watermark(T + 1, "ch_2"));
    }

    @Test
    void whenStripeNoLongerHasTheCursorItReadsFromItsSecondAndWarns() {
        for (int status : List.of(400, 404)) {
            stripe.server.resetAll();
            warnings.clear();
            stripe.server.stubFor(charges().withQueryParam("ending_before", equalTo("ch_gone")).willReturn(json(status,
                    """
                    {"error": {"code": "resource_missing", "message": "No such charge: 'ch_gone'",
                     "param": "ending_before", "type": "invalid_request_error"}}
                    """)));
            answer(charges().withQueryParam("created[gte]", equalTo(Long.toString(T))), false, charge("ch_3", T + 1),
                    charge("ch_2", T));

            PollPage page = newCharge.poll(client, Map.of(), new Watermark(T, "ch_gone"), null, 10);

            assertThat(ids(page)).as("after a %s", status).containsExactly("ch_2", "ch_3");
            assertThat(page.watermark()).isEqualTo(new Watermark(T + 1, "ch_3"));
            assertThat(warnings).containsExactly("Stripe no longer has charge 'ch_gone', the last one trigger new-charge "
                    + "took; reading the charges created at or after 2023-11-14T22:13:20Z instead, so those of that "
                    + "second already taken come again");
        }
    }

    @Test
    void aMissingCursorWithNothingNewMarksItsSecondWithoutAnId() {
        stripe.server.stubFor(charges().withQueryParam("ending_before", equalTo("ch_gone")).willReturn(json(400, """
                {"error": {"code": "resource_missing", "message": "No such charge: 'ch_gone'",
                 "param": "ending_before", "type": "invalid_request_error"}}
                """)));
        answer(charges().withQueryParam("created[gte]", equalTo(Long.toString(T))), false);

        PollPage page = newCharge.poll(client, Map.of(), new Watermark(T, "ch_gone"), null, 10);

        assertThat(page.items()).isEmpty();
        assertThat(page.watermark()).as("so that the next poll does not ask for the missing charge again")
                .isEqualTo(new Watermark(T, null));
    }

    @Test
    void anyOtherRefusalIsThePayloadsProblem() {
        stripe.server.stubFor(charges().willReturn(json(400, """
                {"error": {"code": "resource_missing", "message": "No such customer: 'cus_gone'",
                 "param": "customer", "type": "invalid_request_error"}}
                """)));

        assertThatThrownBy(() -> newCharge.poll(client, Map.of("customer", "cus_gone"), new Watermark(T, "ch_1"), null,
                10)).isInstanceOfSatisfying(StripeException.class, e -> assertThat(e.param()).isEqualTo("customer"))
                .hasMessage("Stripe answered 400 invalid_request_error (resource_missing) on GET /v1/charges: No such "
                        + "customer: 'cus_gone' (param: customer)");
        assertThat(requests()).singleElement().satisfies(r -> assertThat(r.queryParameter("customer").firstValue())
                .isEqualTo("cus_gone"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void sendsTheExpansionsWithTheDataPrefixAndTheCustomerFilter() {
        answer(charges(), false, charge("ch_2", T + 1));

        newCharge.poll(client, Map.of("expand", "customer, invoice.subscription", "customer", "cus_QXg1o8vcGmoR32"),
                new Watermark(T, "ch_1"), null, 10);
        newCharge.poll(client, Map.of("expand", "none"), new Watermark(T, "ch_1"), null, 10);

        List<LoggedRequest> requests = requests();
        assertThat(requests.get(0).getUrl()).isEqualTo("/v1/charges?limit=10&customer=cus_QXg1o8vcGmoR32"
                + "&ending_before=ch_1&expand%5B%5D=data.customer&expand%5B%5D=data.invoice.subscription");
        assertThat(requests.get(1).getUrl()).isEqualTo("/v1/charges?limit=10&ending_before=ch_1");
    }

    @Test
    void theOptionsReportEveryInvalidFieldAtOnce() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("expand", "customer,Invoice!");
        bad.put("customer", "ada@example.com");
        bad.put("pageSize", "500");
        bad.put("colour", "red");

        List<FieldError> errors = newCharge.options().validate(bad);

        assertThat(errors).containsExactlyInAnyOrder(
                new FieldError("expand", "item 'Invoice!' is not a field path; expected comma-separated fields of a "
                        + "charge such as customer or customer.default_source, at most 3 levels deep, or none"),
                new FieldError("customer", "value 'ada@example.com' is not a customer id; expected one such as "
                        + "cus_4QWKsZuuTHcs7X"),
                new FieldError("pageSize", "value '500' is out of range; expected 1 to 100"),
                new FieldError("colour", "is not an option of this type; expected one of expand, customer, pageSize"));
        assertThatThrownBy(() -> newCharge.poll(client, bad, null, null, 10))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).hasSize(4));
        assertThat(stripe.server.getAllServeEvents()).as("nothing is sent with bad options").isEmpty();
    }

    @Test
    void eachExpandProblemIsNamed() {
        assertThat(newCharge.options().validate(Map.of("expand", "data.customer"))).containsExactly(new FieldError(
                "expand", "item 'data.customer' starts with data.; expected a field of each charge such as customer "
                        + "or customer.default_source (the trigger adds data. itself)"));
        assertThat(newCharge.options().validate(Map.of("expand", "customer,,invoice"))).extracting(FieldError::message)
                .containsExactly("an item is empty; expected comma-separated fields of a charge such as customer or "
                        + "customer.default_source, at most 3 levels deep, or none");
        assertThat(newCharge.options().validate(Map.of("expand", "a.b.c.d"))).extracting(FieldError::field)
                .containsExactly("expand");
        assertThat(newCharge.options().validate(Map.of("pageSize", "many"))).containsExactly(
                new FieldError("pageSize", "value 'many' is not a whole number"));
        assertThat(newCharge.options().validate(Map.of("expand", "customer.default_source,invoice", "customer",
                "cus_1", "pageSize", "1"))).isEmpty();
        assertThat(newCharge.options().validate(Map.of("expand", " ", "customer", ""))).as("blank is the default")
                .isEmpty();
    }

    @Test
    void aThrottledPollIsRetriedAndThenLeftToTheRuntime() {
        stripe.server.stubFor(charges().inScenario("rate limit").whenScenarioStateIs(STARTED)
                .willReturn(json(429, RATE_LIMIT).withHeader("Retry-After", "1")).willSetStateTo("calm"));
        stripe.server.stubFor(charges().inScenario("rate limit").whenScenarioStateIs("calm")
                .willReturn(json(200, list(false, charge("ch_2", T + 1)))));

        PollPage page = newCharge.poll(client, Map.of(), new Watermark(T, "ch_1"), null, 10);

        assertThat(ids(page)).containsExactly("ch_2");
        assertThat(stripe.sleeper.waits).containsExactly(Duration.ofSeconds(1));

        stripe.server.resetAll();
        stripe.server.stubFor(charges().willReturn(json(429, RATE_LIMIT)));
        assertThatThrownBy(() -> newCharge.poll(client, Map.of(), page.watermark(), null, 10))
                .isInstanceOf(RetriableException.class).isInstanceOfSatisfying(StripeRetriableException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(2);
                    assertThat(e).hasMessage("Stripe answered 429 invalid_request_error (rate_limit) on GET /v1/charges: "
                            + "Too many requests hit the API too quickly.; gave up after 2 attempts (maxAttempts is 2)");
                });
    }

    @Test
    void refusesAClientOfAnotherConnectorAndANonPositiveMaximum() {
        ApiClient other = path -> {
            throw new AssertionError("must not be called");
        };

        assertThatThrownBy(() -> newCharge.poll(other, Map.of(), null, null, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("new-charge was given a client of "
                        + "type org.openpayloads.connector.stripe.NewObjectsTriggerTest$")
                .hasMessageEndingWith("; expected a StripeClient, as StripeConnector.open makes");
        assertThatThrownBy(() -> newCharge.poll(client, Map.of(), null, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxItems was 0; expected 1 or more");
        assertThat(stripe.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void anObjectWithoutIdOrCreatedIsAClearError() {
        ObjectNode noCreated = charge("ch_2", T);
        noCreated.remove("created");
        answer(charges(), false, noCreated);

        assertThatThrownBy(() -> newCharge.poll(client, Map.of(), new Watermark(T, "ch_1"), null, 10))
                .isInstanceOf(MappingException.class).hasMessage("Stripe answered GET /v1/charges with a charge whose "
                        + "id is \"ch_2\" and created is missing; expected an id and a time in epoch seconds");
    }

    @Test
    void aPageThatSaysMoreButGivesNothingIsAClearError() {
        answer(charges(), true);

        assertThatThrownBy(() -> newCharge.poll(client, Map.of(), new Watermark(T, "ch_1"), null, 10))
                .isInstanceOf(MappingException.class).hasMessage("Stripe answered GET /v1/charges?ending_before=ch_1 "
                        + "with has_more true but no charge; expected one to continue from");
    }

    @Test
    void newCustomerReadsCustomersWithoutExpansionAndFiltersByEmail() {
        ObjectNode customer = CUSTOMER.deepCopy().put("id", "cus_2").put("created", T + 1);
        stripe.server.stubFor(get(urlPathEqualTo("/v1/customers")).willReturn(json(200, list(false, customer))));
        NewObjectsTrigger newCustomer = NewObjectsTrigger.NEW_CUSTOMER;

        PollPage page = newCustomer.poll(client, Map.of("email", "ada@example.com"), new Watermark(T, "cus_1"), null,
                10);

        assertThat(ids(page)).containsExactly("cus_2");
        assertThat(stripe.server.findAll(getRequestedFor(urlPathEqualTo("/v1/customers")))).singleElement()
                .satisfies(r -> assertThat(r.getUrl()).isEqualTo("/v1/customers?limit=10&email=ada%40example.com"
                        + "&ending_before=cus_1"));
        assertThat(newCustomer.options().validate(Map.of("email", "ada at example.com", "customer", "cus_1")))
                .containsExactlyInAnyOrder(new FieldError("email", "value 'ada at example.com' is not an email "
                        + "address; expected one such as ada@example.com, up to 512 characters"),
                        new FieldError("customer", "is not an option of this type; expected one of expand, email, "
                                + "pageSize"));
        assertThat(newCustomer.options().key("expand").orElseThrow().defaultValue()).isNull();
        assertThat(newCustomer.name()).isEqualTo("new-customer");
        assertThat(newCustomer.path()).isEqualTo("/v1/customers");
        assertThat(newCustomer).hasToString("NewObjectsTrigger[new-customer, /v1/customers]");
    }

    @Test
    void theReadmeHoldsEachTriggersOptionTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        for (NewObjectsTrigger trigger : List.of(NewObjectsTrigger.NEW_CHARGE, NewObjectsTrigger.NEW_CUSTOMER)) {
            String table = ConfigTable.markdown(trigger.options());
            assertThat(readme).as("README.md's option table of %s; expected:%n%s", trigger.name(), table)
                    .contains("`" + trigger.name() + "`").contains(table);
        }
    }

    private static final String RATE_LIMIT = """
            {"error": {"type": "invalid_request_error", "code": "rate_limit",
             "message": "Too many requests hit the API too quickly."}}
            """;

    private static MappingBuilder charges() {
        return get(urlPathEqualTo("/v1/charges"));
    }

    private void answer(MappingBuilder request, boolean hasMore, JsonNode... newestFirst) {
        stripe.server.stubFor(request.willReturn(json(200, list(hasMore, newestFirst))));
    }

    private static String list(boolean hasMore, JsonNode... newestFirst) {
        ObjectNode list = Json.MAPPER.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        Arrays.stream(newestFirst).forEach(data::add);
        return list.put("has_more", hasMore).put("url", "/v1/charges").toString();
    }

    /** The published charge, with another id and time. */
    private static ObjectNode charge(String id, long created) {
        return CHARGE.deepCopy().put("id", id).put("created", created).put("customer", "cus_QXg1o8vcGmoR32");
    }

    private static List<String> ids(PollPage page) {
        return page.items().stream().map(item -> item.path("id").asText()).toList();
    }

    private List<LoggedRequest> requests() {
        return stripe.server.findAll(getRequestedFor(urlPathEqualTo("/v1/charges")));
    }

    private LoggedRequest only() {
        List<LoggedRequest> requests = requests();
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    /** Keeps each warning the client gives. */
    private record Warnings(List<String> messages) implements ConnectorListener {

        @Override
        public void limitUsage(String connection, long used, long max) {
        }

        @Override
        public void warn(String message) {
            messages.add(message);
        }
    }
}
