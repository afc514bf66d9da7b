package org.openpayloads.connector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.connector.salesforce.OrgStub.DATA;
import static org.openpayloads.connector.salesforce.OrgStub.fixtureAnswer;
import static org.openpayloads.connector.salesforce.OrgStub.json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.RetriableException;
import org.openpayloads.api.connector.HttpCall;
import org.openpayloads.api.connector.HttpResult;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;

/** Which answers are retried, how long the waits are, and what is left when retries run out. */
class ExchangeTest {

    private static final HttpCall CALL = new HttpCall("POST", URI.create("https://na1.salesforce.com" + DATA
            + "/sobjects/Account"), Map.of(), "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30));
    private static final String LOCKED = "[{\"message\":\"unable to obtain exclusive access to this record\","
            + "\"errorCode\":\"UNABLE_TO_LOCK_ROW\",\"fields\":[]}]";

    private final RecordingTimer timer = new RecordingTimer();

    @Test
    void honoursRetryAfterWhenItIsLongerThanTheBackoff() {
        Exchange exchange = exchange(4, answer(503, Map.of("Retry-After", "7"), ""), answer(201, Map.of(), "{}"));

        assertThat(exchange.send(CALL).join().status()).isEqualTo(201);
        assertThat(timer.waits).containsExactly(Duration.ofSeconds(7));
        assertThat(exchange.calls()).isEqualTo(2);
    }

    @Test
    void aRetryAfterBeyondWhatTheClientWaitsFailsAtOnceCarryingIt() {
        Exchange exchange = exchange(4, answer(429, Map.of("Retry-After", "120"), ""));

        assertThatThrownBy(() -> Futures.join(exchange.send(CALL))).isInstanceOfSatisfying(RetriableException.class, e -> {
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
            assertThat(e.getMessage()).contains("was answered 429", "retry after 120 s");
        });
        assertThat(exchange.calls()).isEqualTo(1);
    }

    @Test
    void backsOffExponentiallyWithJitterUntilRetriesRunOut() {
        Exchange exchange = exchange(4, () -> answer(502, Map.of(), "").get());

        assertThatThrownBy(() -> Futures.join(exchange.send(CALL))).isInstanceOf(RetriableException.class)
                .hasMessage("Salesforce POST " + DATA + "/sobjects/Account was answered 502; gave up after 5 attempts "
                        + "(maxRetries is 4)");
        assertThat(timer.waits).hasSize(4);
        for (int i = 0; i < 4; i++) {
            long ceiling = 100L << i;
            assertThat(timer.waits.get(i).toMillis()).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void retriesTimeoutsAndLostConnectionsButNotBugs() {
        Exchange exchange = exchange(4, fail(new HttpTimeoutException("request timed out")),
                fail(new IOException("Connection reset")), answer(200, Map.of(), "{}"));
        assertThat(exchange.send(CALL).join().status()).isEqualTo(200);
        assertThat(exchange.calls()).isEqualTo(3);

        Exchange broken = exchange(4, fail(new IllegalStateException("bug")));
        assertThatThrownBy(() -> Futures.join(broken.send(CALL))).isInstanceOf(IllegalStateException.class);
        assertThat(broken.calls()).isEqualTo(1);
    }

    @Test
    void aTimeoutThatNeverClearsIsRetriableWithItsCause() {
        Exchange exchange = exchange(1, () -> fail(new HttpTimeoutException("request timed out")).get());

        assertThatThrownBy(() -> Futures.join(exchange.send(CALL))).isInstanceOf(RetriableException.class)
                .hasMessageContaining("timed out after 30 s; gave up after 2 attempts")
                .hasCauseInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void retriesARowLockButNeverAValidationError() {
        Exchange locked = exchange(4, answer(400, Map.of(), LOCKED), answer(201, Map.of(), "{}"));
        assertThat(locked.send(CALL).join().status()).isEqualTo(201);

        Exchange invalid = exchange(4, answer(400, Map.of(), OrgStub.fixture("error-required_field_missing.json")));
        assertThat(invalid.send(CALL).join().status()).isEqualTo(400);
        assertThat(invalid.calls()).isEqualTo(1);
    }

    @Test
    void withRetriesOffItSaysSo() {
        Exchange exchange = exchange(0, answer(503, Map.of(), ""));
        assertThatThrownBy(() -> Futures.join(exchange.send(CALL)))
                .hasMessageEndingWith("was answered 503 (retries are off: maxRetries is 0)");
    }

    @Test
    void against503WithRetryAfterTheWriteSucceedsOnTheSecondAttempt() {
        try (OrgStub org = new OrgStub()) {
            org.tokenOk();
            String path = DATA + "/sobjects/Account";
            org.server.stubFor(post(urlEqualTo(path)).inScenario("busy").whenScenarioStateIs(STARTED)
                    .willReturn(json(503, "").withHeader("Retry-After", "2")).willSetStateTo("recovered"));
            org.server.stubFor(post(urlEqualTo(path)).inScenario("busy").whenScenarioStateIs("recovered")
                    .willReturn(fixtureAnswer(201, "sobject-create-201-response.json")));
            try (SalesforceClient client = org.connect()) {
                RecordResult result = client.write(RecordWrite.insert("Account", Map.of("Name", "xyzzy")));
                assertThat(result).isEqualTo(RecordResult.ok("0015500001QdQWfAAN", true));
            }
            org.server.verify(2, postRequestedFor(urlEqualTo(path)));
            assertThat(org.timer.waits).containsExactly(Duration.ofSeconds(2));
        }
    }

    @Test
    void againstALockedRowTheWriteSucceedsOnTheRetry() {
        try (OrgStub org = new OrgStub()) {
            org.tokenOk();
            String path = DATA + "/sobjects/Account";
            org.server.stubFor(post(urlEqualTo(path)).inScenario("lock").whenScenarioStateIs(STARTED)
                    .willReturn(json(400, LOCKED)).willSetStateTo("free"));
            org.server.stubFor(post(urlEqualTo(path)).inScenario("lock").whenScenarioStateIs("free")
                    .willReturn(fixtureAnswer(201, "sobject-create-201-response.json")));
            try (SalesforceClient client = org.connect()) {
                assertThat(client.write(RecordWrite.insert("Account", Map.of("Name", "xyzzy"))).success()).isTrue();
            }
            org.server.verify(2, postRequestedFor(urlEqualTo(path)));
            assertThat(org.timer.waits).hasSize(1);
        }
    }

    @SafeVarargs
    private Exchange exchange(int maxRetries, Supplier<CompletableFuture<HttpResult>>... answers) {
        Deque<Supplier<CompletableFuture<HttpResult>>> queue = new ArrayDeque<>();
        for (Supplier<CompletableFuture<HttpResult>> answer : answers) {
            queue.add(answer);
        }
        Supplier<CompletableFuture<HttpResult>> last = answers[answers.length - 1];
        SalesforceConfig config = SalesforceConfig.from(new SalesforceConnector().configDef().parse(Map.of(
                "clientId", "x", "clientSecret", "y", "maxRetries", String.valueOf(maxRetries), "retryBaseMillis", "100")));
        return new Exchange(call -> (queue.isEmpty() ? last : queue.poll()).get(), Clock.systemUTC(), timer, config);
    }

    private static Supplier<CompletableFuture<HttpResult>> answer(int status, Map<String, String> headers, String body) {
        return () -> CompletableFuture.completedFuture(new HttpResult(status, headers, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Supplier<CompletableFuture<HttpResult>> fail(Throwable failure) {
        return () -> CompletableFuture.failedFuture(failure);
    }
}
