package org.openpayloads.api.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdkHttpTransportTest {

    private final WireMockServer server = startedServer();
    private final JdkHttpTransport transport = new JdkHttpTransport();

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void sendsMethodHeadersAndBodyAndReadsTheAnswer() {
        server.stubFor(patch(urlEqualTo("/x?y=1")).withHeader("Authorization", equalTo("Bearer t"))
                .withRequestBody(equalTo("{\"a\":1}"))
                .willReturn(aResponse().withStatus(200).withHeader("Sforce-Limit-Info", "api-usage=1/5").withBody("ok")));

        HttpResult result = transport.send(new HttpCall("PATCH", URI.create(server.baseUrl() + "/x?y=1"),
                Map.of("Authorization", "Bearer t", "Content-Type", "application/json"),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5))).join();

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.bodyText()).isEqualTo("ok");
        assertThat(result.header("sforce-limit-info")).contains("api-usage=1/5");
        server.verify(patchRequestedFor(urlEqualTo("/x?y=1")).withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void aSlowAnswerTimesOutAndARefusedConnectionFails() {
        server.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withFixedDelay(2_000)));

        assertThatThrownBy(() -> transport.send(HttpCall.of("GET", URI.create(server.baseUrl() + "/slow"), Map.of(),
                Duration.ofMillis(100))).join()).hasCauseInstanceOf(HttpTimeoutException.class);
        assertThatThrownBy(() -> transport.send(HttpCall.of("GET", URI.create("http://127.0.0.1:1/"), Map.of(),
                Duration.ofSeconds(2))).join()).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void doesNotFollowRedirectsThatWouldCarryTheTokenElsewhere() {
        server.stubFor(any(urlEqualTo("/moved")).willReturn(aResponse().withStatus(302).withHeader("Location", "http://evil.example/")));

        assertThat(transport.send(HttpCall.of("GET", URI.create(server.baseUrl() + "/moved"), Map.of("Authorization", "Bearer t"),
                Duration.ofSeconds(5))).join().status()).isEqualTo(302);
    }

    @Test
    void aHeaderTheJdkForbidsFailsTheFutureNotTheCaller() {
        assertThat(transport.send(HttpCall.of("GET", URI.create(server.baseUrl() + "/"), Map.of("Host", "x"), Duration.ofSeconds(1))))
                .isCompletedExceptionally();
    }

    private static WireMockServer startedServer() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }
}
