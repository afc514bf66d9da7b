package org.openpayloads.engine.inbound;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpayloads.testkit.Fixtures;

/** Stripe's published test vectors, and what a wrong, stale or incomplete header gets. */
class StripeSignatureTest {

    private static final Duration TOLERANCE = Duration.ofSeconds(300);

    static Stream<Arguments> publishedVectors() throws IOException {
        JsonNode vectors = new ObjectMapper().readTree(Fixtures.text("stripe/more/signature-vectors/vectors.json"));
        List<Arguments> all = new ArrayList<>();
        for (JsonNode vector : vectors) {
            all.add(Arguments.of(vector.path("name").asText(),
                    Fixtures.bytes("stripe/more/signature-vectors/" + vector.path("payload_file").asText()),
                    vector.path("secret").asText(), vector.path("timestamp").asLong(), vector.path("header").asText()));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedVectors")
    void acceptsStripesPublishedVectors(String name, byte[] body, String secret, long timestamp, String header) {
        InboundRequest request = request(header, body);

        assertThatCode(() -> StripeSignature.verify(request, List.of(secret), Instant.ofEpochSecond(timestamp + 299),
                TOLERANCE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> StripeSignature.verify(request(header, tampered(body)), List.of(secret),
                Instant.ofEpochSecond(timestamp), TOLERANCE))
                .isInstanceOf(AuthenticationException.class).hasMessageStartingWith("No v1 signature");
    }

    @Test
    void acceptsAnyActiveSecretAndAnyV1SignatureWhileASecretIsRolled() {
        byte[] body = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
        String oldSignature = sign("whsec_old", 1_700_000_000L, body);
        String newSignature = sign("whsec_new", 1_700_000_000L, body);
        Instant now = Instant.ofEpochSecond(1_700_000_010L);

        assertThatCode(() -> StripeSignature.verify(request("t=1700000000,v1=" + oldSignature + ",v1=" + newSignature,
                body), List.of("whsec_new"), now, TOLERANCE)).doesNotThrowAnyException();
        assertThatCode(() -> StripeSignature.verify(request("t=1700000000,v1=" + oldSignature, body),
                List.of("whsec_new", "whsec_old"), now, TOLERANCE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> StripeSignature.verify(request("t=1700000000,v1=" + oldSignature, body),
                List.of("whsec_new"), now, TOLERANCE))
                .hasMessage("No v1 signature of the Stripe-Signature header matches the body and the signing secret; "
                        + "check the endpoint's secret (whsec_…) and that the body reaches the server unchanged");
    }

    @Test
    void refusesAStaleOrFutureTimestampUnlessTheToleranceIsZero() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        InboundRequest request = request("t=1700000000,v1=" + sign("whsec_a", 1_700_000_000L, body), body);

        assertThatThrownBy(() -> StripeSignature.verify(request, List.of("whsec_a"),
                Instant.ofEpochSecond(1_700_000_301L), TOLERANCE))
                .hasMessageStartingWith("The Stripe-Signature timestamp is 301 s old; at most 300 s is accepted");
        assertThatThrownBy(() -> StripeSignature.verify(request, List.of("whsec_a"),
                Instant.ofEpochSecond(1_699_999_000L), TOLERANCE))
                .hasMessageStartingWith("The Stripe-Signature timestamp is 1000 s in the future");
        assertThatCode(() -> StripeSignature.verify(request, List.of("whsec_a"), Instant.ofEpochSecond(2_000_000_000L),
                Duration.ZERO)).doesNotThrowAnyException();
    }

    @Test
    void namesWhatTheHeaderLacks() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.ofEpochSecond(1_700_000_000L);

        assertThatThrownBy(() -> StripeSignature.verify(new InboundRequest(Map.of(), body), List.of("s"), now,
                TOLERANCE)).hasMessage("The Stripe-Signature header is missing; Stripe signs every webhook with it");
        assertThatThrownBy(() -> StripeSignature.verify(request("v1=abc", body), List.of("s"), now, TOLERANCE))
                .hasMessage("The Stripe-Signature header has no timestamp (t=…)");
        assertThatThrownBy(() -> StripeSignature.verify(request("t=1700000000,v0=abc", body), List.of("s"), now,
                TOLERANCE)).hasMessage("The Stripe-Signature header has no v1 signature");
        assertThatThrownBy(() -> StripeSignature.verify(request("t=soon,v1=abc", body), List.of("s"), now,
                TOLERANCE)).hasMessage("The Stripe-Signature header's timestamp t=soon is not a number of seconds");
    }

    static String sign(String secret, long timestamp, byte[] body) {
        return Hmac.hex(Hmac.sha256(secret, (timestamp + ".").getBytes(StandardCharsets.US_ASCII), body));
    }

    private static InboundRequest request(String header, byte[] body) {
        return new InboundRequest(Map.of("stripe-signature", List.of(header)), body);
    }

    private static byte[] tampered(byte[] body) {
        byte[] copy = body.clone();
        copy[copy.length / 2] ^= 1;
        return copy;
    }
}
