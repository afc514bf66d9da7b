package org.openpayloads.connector.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.connector.stripe.StripeFormTest.ordered;
import static org.openpayloads.connector.stripe.StripeStub.fixtureAnswer;
import static org.openpayloads.connector.stripe.StripeStub.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.connector.ApiClient;
import org.openpayloads.api.connector.ConnectorContext;
import org.openpayloads.api.connector.ConnectorListener;
import org.openpayloads.api.connector.ResourcePaths;

class StripeClientTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final StripeStub stripe = new StripeStub();

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void retrievesACustomerWithItsDefaultSourceExpanded() {
        stripe.server.stubFor(get(urlPathEqualTo("/v1/customers/cus_4QWKsZuuTHcs7X"))
                .withQueryParam("expand[]", equalTo("default_source"))
                .willReturn(fixtureAnswer(200, "customer-with-sources.json")));
        StripeClient client = stripe.connect();

        JsonNode customer = client.retrieve(StripeClient.path("/v1/customers/{id}", "cus_4QWKsZuuTHcs7X"),
                List.of("default_source"));

        assertThat(customer.path("email").asText()).isEqualTo("john.doe@example.com");
        assertThat(customer.path("default_source").path("id").asText()).isEqualTo("src_fakefakefakefakefake0001");
        assertThat(customer.path("sources").path("data").get(0).path("id").asText())
                .isEqualTo("src_fakefakefakefakefake0001");
        LoggedRequest request = only(getRequestedFor(urlPathEqualTo("/v1/customers/cus_4QWKsZuuTHcs7X")));
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + StripeStub.TEST_KEY);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.containsHeader("Idempotency-Key")).as("GETs need no idempotency key").isFalse();
        assertThat(request.containsHeader("Stripe-Version")).as("the account's default version").isFalse();
        assertThat(request.getUrl()).isEqualTo("/v1/customers/cus_4QWKsZuuTHcs7X?expand%5B%5D=default_source");
        assertThat(client.callCount()).isEqualTo(1);
    }

    @Test
    void sendsEachExpansionAndThePinnedVersion() {
        stripe.server.stubFor(get(urlPathEqualTo("/v1/customers/cus_QXg1o8vcGmoR32"))
                .willReturn(fixtureAnswer(200, "openapi-customer.json")));
        StripeClient client = stripe.connect("stripeVersion", "2024-06-20");

        JsonNode customer = client.retrieve("/v1/customers/cus_QXg1o8vcGmoR32", List.of("discount", "test_clock"));

        assertThat(customer.path("discount").isObject()).isTrue();
        LoggedRequest request = only(getRequestedFor(urlPathEqualTo("/v1/customers/cus_QXg1o8vcGmoR32")));
        assertThat(request.queryParameter("expand[]").values()).containsExactly("discount", "test_clock");
        assertThat(request.getHeader("Stripe-Version")).isEqualTo("2024-06-20");
    }

    @Test
    void asAnApiClientItGetsOneObjectWithoutExpansions() {
        stripe.server.stubFor(get(urlPathEqualTo("/v1/customers/cus_QXg1o8vcGmoR32"))
                .willReturn(fixtureAnswer(200, "openapi-customer.json")));
        stripe.server.stubFor(get(urlPathEqualTo("/v1/customers/cus_x")).willReturn(json(404, """
                {"error": {"code": "resource_missing", "message": "No such customer: 'cus_x'", "param": "id",
                 "type": "invalid_request_error"}}
                """)));
        ApiClient client = new StripeConnector().open(stripe.context(), stripe.config());

        JsonNode customer = client.get(ResourcePaths.fill("/v1/customers/{id}", "cus_QXg1o8vcGmoR32"));

        assertThat(customer.path("object").asText()).isEqualTo("customer");
        assertThat(only(getRequestedFor(urlPathEqualTo("/v1/customers/cus_QXg1o8vcGmoR32"))).getUrl())
                .isEqualTo("/v1/customers/cus_QXg1o8vcGmoR32");
        assertThatThrownBy(() -> client.get("/v1/customers/cus_x")).isInstanceOf(MappingException.class)
                .hasMessage("Stripe answered 404 invalid_request_error (resource_missing) on GET /v1/customers/cus_x: "
                        + "No such customer: 'cus_x' (param: id)");
        assertThatThrownBy(() -> client.get("/v1/customers?limit=1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIdCannotEscapeItsPathSegment() {
        stripe.server.stubFor(get(anyUrl()).willReturn(json(404, "{\"error\":{\"type\":\"invalid_request_error\"}}")));
        StripeClient client = stripe.connect();

        assertThatThrownBy(() -> client.retrieve(StripeClient.path("/v1/customers/{id}", "cus x?expand[]=y"), List.of()))
                .isInstanceOf(StripeException.class);
        assertThat(stripe.server.getAllServeEvents()).singleElement().satisfies(event ->
                assertThat(event.getRequest().getUrl()).isEqualTo("/v1/customers/cus%20x%3Fexpand%5B%5D%3Dy"));
    }

    @Test
    void listsEveryPageStartingAfterTheLastIdOfTheOneBefore() {
        stripe.server.stubFor(get(urlPathEqualTo("/v1/pageable_models")).withQueryParam("starting_after", absent())
                .willReturn(fixtureAnswer(200, "list-page-has_more.json")));
        stripe.server.stubFor(get(urlPathEqualTo("/v1/pageable_models")).withQueryParam("starting_after", equalTo("pm_124"))
                .willReturn(fixtureAnswer(200, "list-page-last.json")));
        StripeClient client = stripe.connect();

        List<String> ids = client.list("/v1/pageable_models", Map.of(), List.of()).map(item -> item.path("id").asText())
                .toList();

        assertThat(ids).containsExactly("pm_123", "pm_124", "pm_127");
        List<LoggedRequest> requests = stripe.server.findAll(getRequestedFor(urlPathEqualTo("/v1/pageable_models")));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).queryParameter("starting_after").isPresent()).isFalse();
        assertThat(requests.get(1).queryParameter("starting_after").firstValue()).isEqualTo("pm_124");
        assertThat(requests).allSatisfy(r -> assertThat(r.queryParameter("limit").firstValue()).isEqualTo("100"));
    }

    @Test
    void fetchesTheNextPageOnlyWhenItIsRead() {
        stripe.server.stubFor(get(urlPathEqualTo("/v1/pageable_models"))
                .willReturn(fixtureAnswer(200, "list-page-has_more.json")));
        StripeClient client = stripe.connect();

        List<JsonNode> firstTwo = client.list("/v1/pageable_models", Map.of(), List.of()).limit(2).toList();

        assertThat(firstTwo).hasSize(2);
        assertThat(client.callCount()).isEqualTo(1);
    }

    @Test
    void listsChargesCreatedAfterATimeWithTheCustomerExpanded() {
        stripe.server.stubFor(get(urlPathEqualTo("/v1/charges")).withQueryParam("created[gt]", equalTo("1700000000"))
                .withQueryParam("limit", equalTo("10")).withQueryParam("expand[]", equalTo("data.customer"))
                .willReturn(fixtureAnswer(200, "list-charges.json")));
        StripeClient client = stripe.connect();

        Map<String, String> params = new LinkedHashMap<>();
        params.put("created[gt]", "1700000000");
        params.put("limit", "10");

        List<JsonNode> charges = client.list("/v1/charges", params, List.of("data.customer")).toList();

        assertThat(charges).singleElement().satisfies(charge -> {
            assertThat(charge.path("object").asText()).isEqualTo("charge");
            assertThat(charge.path("customer").asText()).isEqualTo("cus_UNRECORDED");
        });
        assertThat(only(getRequestedFor(urlPathEqualTo("/v1/charges"))).getUrl()).isEqualTo(
                "/v1/charges?created%5Bgt%5D=1700000000&limit=10&expand%5B%5D=data.customer");
    }

    @Test
    void pagesBackwardsFromEndingBefore() {
        stripe.server.stubFor(get(urlPathEqualTo("/v1/pageable_models")).withQueryParam("ending_before", equalTo("pm_200"))
                .willReturn(fixtureAnswer(200, "list-page-has_more.json")));
        stripe.server.stubFor(get(urlPathEqualTo("/v1/pageable_models")).withQueryParam("ending_before", equalTo("pm_123"))
                .willReturn(fixtureAnswer(200, "list-page-last.json")));
        StripeClient client = stripe.connect();

        List<String> ids = client.list("/v1/pageable_models", Map.of("ending_before", "pm_200"), List.of())
                .map(item -> item.path("id").asText()).toList();

        assertThat(ids).containsExactly("pm_123", "pm_124", "pm_127");
        assertThat(stripe.server.findAll(getRequestedFor(urlPathEqualTo("/v1/pageable_models"))))
                .noneMatch(r -> r.queryParameter("starting_after").isPresent());
    }

    @Test
    void aListThatSaysMoreButGivesNoIdStopsWithAClearError() {
        stripe.server.stubFor(get(urlPathEqualTo("/v1/charges"))
                .willReturn(json(200, "{\"object\":\"list\",\"data\":[],\"has_more\":true,\"url\":\"/v1/charges\"}")));
        stripe.server.stubFor(get(urlPathEqualTo("/v1/customers/search"))
                .willReturn(json(200, "{\"object\":\"search_result\",\"data\":[],\"has_more\":false}")));
        StripeClient client = stripe.connect();

        assertThatThrownBy(() -> client.list("/v1/charges", Map.of(), List.of()).toList())
                .isInstanceOf(MappingException.class).hasMessage("Stripe answered GET /v1/charges with has_more true "
                        + "but page 1 has no items; expected an id to continue from");
        assertThatThrownBy(() -> client.list("/v1/customers/search", Map.of("query", "email:'a@b.c'"), List.of())
                .toList()).isInstanceOf(MappingException.class).hasMessage("Stripe answered GET /v1/customers/search "
                        + "with search_result object; expected a list ({\"object\": \"list\", \"data\": [...]})");
    }

    @Test
    void postsNestedParamsFormEncodedWithAGeneratedIdempotencyKey() {
        stripe.server.stubFor(post(urlPathEqualTo("/v1/subscriptions")).willReturn(json(200,
                "{\"id\":\"sub_1\",\"object\":\"subscription\"}")));
        StripeClient client = stripe.connect();

        JsonNode subscription = client.post("/v1/subscriptions", ordered(
                "customer", "cus_4QWKsZuuTHcs7X",
                "items", List.of(ordered("price", "price_1", "quantity", 2), ordered("price", "price_2")),
                "metadata", ordered("order_id", "6735", "note", "Tea & biscuits"),
                "expand", List.of("latest_invoice.payment_intent")), null);

        assertThat(subscription.path("id").asText()).isEqualTo("sub_1");
        LoggedRequest request = only(postRequestedFor(urlPathEqualTo("/v1/subscriptions")));
        assertThat(request.getBodyAsString()).isEqualTo("customer=cus_4QWKsZuuTHcs7X"
                + "&items[0][price]=price_1&items[0][quantity]=2&items[1][price]=price_2"
                + "&metadata[order_id]=6735&metadata[note]=Tea+%26+biscuits"
                + "&expand[]=latest_invoice.payment_intent");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.getHeader("Idempotency-Key")).matches(UUID);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + StripeStub.TEST_KEY);
    }

    @Test
    void everyPostGetsItsOwnKeyUnlessTheCallerGivesOne() {
        stripe.server.stubFor(post(urlPathEqualTo("/v1/customers")).willReturn(json(200, "{\"id\":\"cus_1\"}")));
        StripeClient client = stripe.connect();

        client.post("/v1/customers", Map.of("email", "a@example.com"), null);
        client.post("/v1/customers", Map.of("email", "a@example.com"), null);
        client.post("/v1/customers", Map.of("email", "a@example.com"), "order-6735-customer");

        List<String> keys = stripe.server.findAll(postRequestedFor(urlPathEqualTo("/v1/customers"))).stream()
                .map(r -> r.getHeader("Idempotency-Key")).toList();
        assertThat(keys).hasSize(3).doesNotHaveDuplicates();
        assertThat(keys.get(2)).isEqualTo("order-6735-customer");
        stripe.server.verify(2, postRequestedFor(urlPathEqualTo("/v1/customers"))
                .withHeader("Idempotency-Key", matching(UUID)));
    }

    @Test
    void mapsStripesErrorToAStripeExceptionWithoutRetrying() {
        stripe.server.stubFor(get(urlPathEqualTo("/v1/customers/cus_x")).willReturn(json(404, """
                {"error": {"code": "resource_missing", "doc_url": "https://stripe.com/docs/error-codes/resource-missing",
                 "message": "No such customer: 'cus_x'", "param": "id", "type": "invalid_request_error"}}
                """)));
        StripeClient client = stripe.connect();

        assertThatThrownBy(() -> client.retrieve("/v1/customers/cus_x", List.of()))
                .isInstanceOfSatisfying(StripeException.class, e -> {
                    assertThat(e).hasMessage("Stripe answered 404 invalid_request_error (resource_missing) on GET "
                            + "/v1/customers/cus_x: No such customer: 'cus_x' (param: id)");
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.type()).isEqualTo("invalid_request_error");
                    assertThat(e.code()).isEqualTo("resource_missing");
                    assertThat(e.param()).isEqualTo("id");
                    assertThat(e.stripeMessage()).isEqualTo("No such customer: 'cus_x'");
                    assertThat(e.error().docUrl()).isEqualTo("https://stripe.com/docs/error-codes/resource-missing");
                    assertThat(e.error().requestId()).isEqualTo("req_stub404");
                });
        assertThat(client.callCount()).isEqualTo(1);
        assertThat(stripe.sleeper.waits).isEmpty();
    }

    @Test
    void mapsTheRecordedInvalidRequestError() {
        stripe.server.stubFor(post(urlPathEqualTo("/v1/customers"))
                .willReturn(fixtureAnswer(400, "error-invalid_request.json")));
        StripeClient client = stripe.connect();

        assertThatThrownBy(() -> client.post("/v1/customers", Map.of("foo", "bar"), null))
                .isInstanceOfSatisfying(StripeException.class, e -> {
                    assertThat(e).isInstanceOf(MappingException.class).hasMessage("Stripe answered 400 "
                            + "invalid_request_error (parameter_unknown) on POST /v1/customers: Received unknown "
                            + "parameter: foo (param: foo)");
                    assertThat(e.code()).isEqualTo("parameter_unknown");
                    assertThat(e.param()).isEqualTo("foo");
                });
        stripe.server.verify(1, postRequestedFor(urlPathEqualTo("/v1/customers")));
    }

    @Test
    void anAnswerThatIsNotJsonIsAClearError() {
        stripe.server.stubFor(get(urlPathEqualTo("/v1/balance")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html/>")));
        StripeClient client = stripe.connect();

        assertThatThrownBy(() -> client.retrieve("/v1/balance", List.of())).isInstanceOf(MappingException.class)
                .hasMessage("Stripe answered 200 on GET /v1/balance with a body that is not JSON (7 bytes, Content-Type "
                        + "text/html); expected a JSON object");
    }

    @Test
    void theClientRefusesAKeyOfTheOtherEnvironmentBeforeAnyCall() {
        ConnectorContext noNetwork = new ConnectorContext(stripe.clock, call -> {
            throw new AssertionError("must not call out");
        }, ConnectorListener.NONE);
        StripeConfig liveInSandbox = new StripeConfig(URI.create(stripe.url()), StripeStub.LIVE_KEY, List.of(),
                StripeEnvironment.SANDBOX, 4, null, Duration.ofSeconds(30));
        StripeConfig testInProduction = new StripeConfig(URI.create(stripe.url()), StripeStub.TEST_KEY, List.of(),
                StripeEnvironment.PRODUCTION, 4, null, Duration.ofSeconds(30));

        assertThatThrownBy(() -> new StripeClient(liveInSandbox, noNetwork, stripe.sleeper, StripeStub.fullBackoff()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage())
                        .startsWith("secretKey: secretKey is a live secret key (sk_live_…) but environment is SANDBOX")
                        .doesNotContain(StripeStub.LIVE_KEY));
        assertThatThrownBy(() -> new StripeClient(testInProduction, noNetwork, stripe.sleeper, StripeStub.fullBackoff()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("but environment is PRODUCTION")
                .hasMessageNotContaining(StripeStub.TEST_KEY);
        assertThat(stripe.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void refusesPathsAndKeysThatCannotBeSent() {
        StripeClient client = stripe.connect();

        for (String path : List.of("v1/customers", "/v1/customers?limit=1", "/v1/customers/../charges", "/v1/a b",
                "//evil.example.com/v1")) {
            assertThatThrownBy(() -> client.retrieve(path, List.of())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Stripe path was '" + path + "'; expected an absolute path without query, spaces or "
                            + "'..', such as /v1/customers (build ids in with StripeClient.path)");
        }
        assertThatThrownBy(() -> client.post("/v1/customers", Map.of(), "with space"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Idempotency key 'with space' is not usable; "
                        + "expected 1 to 255 visible ASCII characters, such as a UUID or an order id");
        assertThatThrownBy(() -> client.post("/v1/customers", Map.of(), "k".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stripe.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void toStringNamesTheConnectionButNotTheKey() {
        StripeClient client = stripe.connect();

        assertThat(client.toString()).isEqualTo("StripeClient[" + stripe.url() + ", environment=SANDBOX, "
                + "secretKey=[hidden], calls=0]");
    }

    private LoggedRequest only(RequestPatternBuilder pattern) {
        List<LoggedRequest> requests = stripe.server.findAll(pattern);
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
