package org.openpayloads.connector.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.connector.stripe.StripeStub.fixtureAnswer;
import static org.openpayloads.connector.stripe.StripeStub.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.RetriableException;
import org.openpayloads.api.connector.HttpCall;
import org.openpayloads.api.connector.HttpResult;
import org.openpayloads.api.connector.HttpTransport;

class ExchangeTest {

    private static final String API_ERROR = StripeStub.fixture("more/errors/api_error.json");
    private static final String API_ERROR_MESSAGE = "Error while communicating with one of our backends.  Sorry about "
            + "that!  We have been notified of the problem.  If you have any questions, we can help at "
            + "https://support.stripe.com/.";

    private final StripeStub stripe = new StripeStub();

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void retriesA429AfterTheWaitItAsksForWithTheSameIdempotencyKey() {
        stripe.server.stubFor(post(urlPathEqualTo("/v1/refunds")).inScenario("rate limit").whenScenarioStateIs(STARTED)
                .willReturn(json(429, """
                        {"error": {"type": "invalid_request_error", "code": "rate_limit",
                         "message": "Too many requests hit the API too quickly."}}
                        """).withHeader("Retry-After", "2")).willSetStateTo("calm"));
        stripe.server.stubFor(post(urlPathEqualTo("/v1/refunds")).inScenario("rate limit").whenScenarioStateIs("calm")
                .willReturn(fixtureAnswer(200, "openapi-refund.json")));
        StripeClient client = stripe.connect();

        String refund = client.post("/v1/refunds", Map.of("charge", "ch_1"), null).path("object").asText();

        assertThat(refund).isEqualTo("refund");
        assertThat(stripe.sleeper.waits).containsExactly(Duration.ofSeconds(2));
        List<LoggedRequest> attempts = stripe.server.findAll(postRequestedFor(urlPathEqualTo("/v1/refunds")));
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).getHeader("Idempotency-Key")).isNotBlank()
                .isEqualTo(attempts.get(1).getHeader("Idempotency-Key"));
        assertThat(attempts.get(1).getBodyAsString()).isEqualTo(attempts.get(0).getBodyAsString())
                .isEqualTo("charge=ch_1");
        assertThat(client.callCount()).isEqualTo(2);
    }

    @Test
    void givesUpOnA500AfterMaxAttemptsWithARetriableException() {
        stripe.server.stubFor(get(urlPathEqualTo("/v1/balance")).willReturn(json(500, API_ERROR)));
        StripeClient client = stripe.connect();

        assertThatThrownBy(() -> client.retrieve("/v1/balance", List.of()))
                .isInstanceOfSatisfying(StripeRetriableException.class, e -> {
                    assertThat(e).isInstanceOf(RetriableException.class).hasMessage("Stripe answered 500 api_error on "
                            + "GET /v1/balance: " + API_ERROR_MESSAGE + "; gave up after 4 attempts (maxAttempts is 4)");
                    assertThat(e.attempts()).isEqualTo(4);
                    assertThat(e.status()).contains(500);
                    assertThat(e.error()).hasValueSatisfying(error -> assertThat(error.type()).isEqualTo("api_error"));
                    assertThat(e.retryAfter()).isEmpty();
                });
        stripe.server.verify(4, getRequestedFor(urlPathEqualTo("/v1/balance")));
        assertThat(stripe.sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterLongerThanAMinuteIsLeftToThePipeline() {
        stripe.server.stubFor(get(urlPathEqualTo("/v1/balance")).willReturn(json(429, "{\"error\":{\"type\":"
                + "\"invalid_request_error\",\"message\":\"Slow down\"}}").withHeader("Retry-After", "120")));
        StripeClient client = stripe.connect();

        assertThatThrownBy(() -> client.retrieve("/v1/balance", List.of()))
                .isInstanceOfSatisfying(StripeRetriableException.class, e -> {
                    assertThat(e).hasMessage("Stripe answered 429 invalid_request_error on GET /v1/balance: Slow down; "
                            + "Stripe asked to retry after 120 s, longer than the client waits itself (at most 60 s)");
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
                    assertThat(e.attempts()).isEqualTo(1);
                });
        assertThat(stripe.sleeper.waits).isEmpty();
    }

    @Test
    void theBackoffWinsOverAShorterRetryAfter() {
        stripe.server.stubFor(get(urlPathEqualTo("/v1/balance")).inScenario("blip").whenScenarioStateIs(STARTED)
                .willReturn(json(503, API_ERROR).withHeader("Retry-After", "0")).willSetStateTo("up"));
        stripe.server.stubFor(get(urlPathEqualTo("/v1/balance")).inScenario("blip").whenScenarioStateIs("up")
                .willReturn(json(200, "{\"object\":\"balance\"}")));

        assertThat(stripe.connect().retrieve("/v1/balance", List.of()).path("object").asText()).isEqualTo("balance");
        assertThat(stripe.sleeper.waits).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void stripeShouldRetryOverridesTheStatus() {
        stripe.server.stubFor(post(urlPathEqualTo("/v1/charges")).willReturn(json(500, API_ERROR)
                .withHeader("Stripe-Should-Retry", "false")));
        stripe.server.stubFor(post(urlPathEqualTo("/v1/customers")).inScenario("lock").whenScenarioStateIs(STARTED)
                .willReturn(json(409, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"lock_timeout\","
                        + "\"message\":\"This object cannot be accessed right now\"}}")
                        .withHeader("Stripe-Should-Retry", "true")).willSetStateTo("free"));
        stripe.server.stubFor(post(urlPathEqualTo("/v1/customers")).inScenario("lock").whenScenarioStateIs("free")
                .willReturn(json(200, "{\"id\":\"cus_1\"}")));
        StripeClient client = stripe.connect();

        assertThatThrownBy(() -> client.post("/v1/charges", Map.of("amount", 100), null))
                .as("a replayed 500 would only come back again").isInstanceOf(StripeException.class)
                .hasMessageStartingWith("Stripe answered 500 api_error on POST /v1/charges");
        assertThat(client.post("/v1/customers", Map.of(), null).path("id").asText()).isEqualTo("cus_1");
        stripe.server.verify(1, postRequestedFor(urlPathEqualTo("/v1/charges")));
        stripe.server.verify(2, postRequestedFor(urlPathEqualTo("/v1/customers")));
    }

    @Test
    void aLostConnectionIsRetriedThenReportedWithoutAStatus() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StripeClient client = stripe.connect("apiBase", "http://127.0.0.1:" + closedPort, "maxAttempts", "3");

        assertThatThrownBy(() -> client.retrieve("/v1/balance", List.of()))
                .isInstanceOfSatisfying(StripeRetriableException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Stripe GET /v1/balance failed: ConnectException")
                            .endsWith("; gave up after 3 attempts (maxAttempts is 3)");
                    assertThat(e.status()).isEmpty();
                    assertThat(e.getCause()).isInstanceOf(ConnectException.class);
                });
        assertThat(stripe.sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void aPostThatTimedOutIsSentAgainWithTheSameKeyAndBody() {
        Scripted transport = new Scripted(
                call -> CompletableFuture.failedFuture(new HttpTimeoutException("request timed out")),
                call -> answer(200, "{\"id\":\"pi_1\",\"object\":\"payment_intent\"}"));

        String id = tree(exchange(transport, 4).send(postCall("order-6735"), "/v1/payment_intents")).path("id").asText();

        assertThat(id).isEqualTo("pi_1");
        assertThat(transport.calls).hasSize(2).allSatisfy(call -> {
            assertThat(call.header("Idempotency-Key")).contains("order-6735");
            assertThat(new String(call.body(), StandardCharsets.UTF_8)).isEqualTo("amount=2000&currency=usd");
        });
        assertThat(stripe.sleeper.waits).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void aTimeoutOnTheLastAttemptSaysHowLongItWaited() {
        Scripted transport = new Scripted(call -> CompletableFuture.failedFuture(new HttpTimeoutException("timed out")));

        assertThatThrownBy(() -> exchange(transport, 1).send(postCall("k1"), "/v1/payment_intents"))
                .isInstanceOf(StripeRetriableException.class).hasMessage("Stripe POST /v1/payment_intents timed out "
                        + "after 30 s (retries are off: maxAttempts is 1)");
    }

    @Test
    void nothingAPeerEchoesCarriesTheKey() {
        String key = StripeStub.TEST_KEY;
        Scripted transport = new Scripted(
                call -> answer(400, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"You sent "
                        + call.header("Authorization").orElseThrow() + "\",\"param\":\"" + key + "\"}}"),
                call -> answer(502, "<html>upstream saw " + call.header("Authorization").orElseThrow() + "</html>"),
                call -> CompletableFuture.failedFuture(new IOException("Connection reset; headers were "
                        + call.header("Authorization").orElseThrow())));

        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            try {
                exchange(transport, 1).send(postCall("k" + i), "/v1/customers");
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }

        assertThat(failures).hasSize(3).allSatisfy(failure -> {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(t.toString()).doesNotContain(key);
            }
            assertThat(failure.getMessage()).contains("[hidden]");
        });
        assertThat(failures.get(0)).isInstanceOfSatisfying(StripeException.class,
                e -> assertThat(e.param()).isEqualTo("[hidden]"));
    }

    @Test
    void anInterruptedWaitEndsTheCallAndKeepsTheFlag() {
        Scripted transport = new Scripted(call -> answer(503, API_ERROR));
        Sleeper interrupted = delay -> {
            throw new InterruptedException("shutting down");
        };
        Exchange exchange = new Exchange(transport, stripe.clock, interrupted, StripeStub.fullBackoff(), config(4));

        try {
            assertThatThrownBy(() -> exchange.send(postCall("k1"), "/v1/customers"))
                    .isExactlyInstanceOf(RetriableException.class)
                    .hasMessageEndingWith("; interrupted while waiting to retry, after 1 attempts");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aTransportBugIsNotRetried() {
        Scripted transport = new Scripted(call -> {
            throw new IllegalStateException("transport closed");
        });

        assertThatThrownBy(() -> exchange(transport, 4).send(postCall("k1"), "/v1/customers"))
                .isInstanceOf(IllegalStateException.class).hasMessage("transport closed");
        assertThat(transport.calls).hasSize(1);
    }

    private Exchange exchange(HttpTransport transport, int maxAttempts) {
        return new Exchange(transport, stripe.clock, stripe.sleeper, StripeStub.fullBackoff(), config(maxAttempts));
    }

    private static StripeConfig config(int maxAttempts) {
        return new StripeConfig(URI.create("https://api.stripe.com"), StripeStub.TEST_KEY, List.of(),
                StripeEnvironment.SANDBOX, maxAttempts, null, Duration.ofSeconds(30));
    }

    private static HttpCall postCall(String idempotencyKey) {
        return new HttpCall("POST", URI.create("https://api.stripe.com/v1/payment_intents"), Map.of("Authorization",
                "Bearer " + StripeStub.TEST_KEY, "Idempotency-Key", idempotencyKey), "amount=2000&currency=usd"
                .getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30));
    }

    private static CompletableFuture<HttpResult> answer(int status, String body) {
        return CompletableFuture.completedFuture(new HttpResult(status, Map.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode tree(HttpResult result) {
        return Json.tree(result.body());
    }

    /** Answers each call with the next step of a script; the last step repeats. Records every call. */
    private static final class Scripted implements HttpTransport {

        final List<HttpCall> calls = new CopyOnWriteArrayList<>();
        private final Deque<Function<HttpCall, CompletableFuture<HttpResult>>> steps = new ArrayDeque<>();

        @SafeVarargs
        Scripted(Function<HttpCall, CompletableFuture<HttpResult>>... steps) {
            for (Function<HttpCall, CompletableFuture<HttpResult>> step : steps) {
                this.steps.addLast(step);
            }
        }

        @Override
        public synchronized CompletableFuture<HttpResult> send(HttpCall call) {
            calls.add(call);
            return (steps.size() > 1 ? steps.removeFirst() : steps.getFirst()).apply(call);
        }
    }
}
