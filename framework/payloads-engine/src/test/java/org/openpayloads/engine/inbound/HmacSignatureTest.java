package org.openpayloads.engine.inbound;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HmacSignatureTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_531_420_618L);
    private static final Duration TOLERANCE = Duration.ofSeconds(300);

    /** GitHub's documented example: "Hello, World!" signed with "It's a Secret to Everybody". */
    @Test
    void acceptsGitHubsDocumentedSignature() {
        InboundRequest request = new InboundRequest(Map.of("X-Hub-Signature-256",
                List.of("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")),
                "Hello, World!".getBytes(StandardCharsets.UTF_8));

        assertThatCode(() -> HmacSignature.verify(request, "X-Hub-Signature-256", "{body}", "HEX",
                List.of("It's a Secret to Everybody"), NOW, TOLERANCE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> HmacSignature.verify(request, "X-Hub-Signature-256", "{body}", "HEX",
                List.of("another secret"), NOW, TOLERANCE))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage("The X-Hub-Signature-256 signature does not match the body and the signing secret; "
                        + "expected an HMAC-SHA256 in hex of {body}");
    }

    @Test
    void signsATemplateWithATimestampHeaderAndChecksItsAge() {
        byte[] body = "token=x&team_id=T1".getBytes(StandardCharsets.UTF_8);
        String template = "v0:{timestamp:X-Slack-Request-Timestamp}:{body}";
        String signature = Base64.getEncoder().encodeToString(Hmac.sha256("shh",
                ("v0:" + NOW.getEpochSecond() + ":").getBytes(StandardCharsets.UTF_8), body));
        InboundRequest fresh = new InboundRequest(Map.of("X-Signature", List.of(signature),
                "X-Slack-Request-Timestamp", List.of(Long.toString(NOW.getEpochSecond()))), body);

        assertThatCode(() -> HmacSignature.verify(fresh, "X-Signature", template, "BASE64", List.of("other", "shh"),
                NOW.plusSeconds(300), TOLERANCE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> HmacSignature.verify(fresh, "X-Signature", template, "BASE64", List.of("shh"),
                NOW.plusSeconds(301), TOLERANCE))
                .hasMessage("The X-Slack-Request-Timestamp timestamp is 301 s old; at most 300 s is accepted");
        InboundRequest noTimestamp = new InboundRequest(Map.of("X-Signature", List.of(signature)), body);
        assertThatThrownBy(() -> HmacSignature.verify(noTimestamp, "X-Signature", template, "BASE64",
                List.of("shh"), NOW, TOLERANCE))
                .hasMessage("The X-Slack-Request-Timestamp header is missing; it carries the signed timestamp");
    }

    @Test
    void readsOtherHeadersIntoTheSignedContentAndAcceptsUpperCaseHex() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String signature = Hmac.hex(Hmac.sha256("k", "evt_9|".getBytes(StandardCharsets.UTF_8), body))
                .toUpperCase();
        InboundRequest request = new InboundRequest(Map.of("X-Sig", List.of(signature),
                "X-Event-Id", List.of("evt_9")), body);

        assertThatCode(() -> HmacSignature.verify(request, "x-sig", "{header:X-Event-Id}|{body}", "HEX", List.of("k"),
                NOW, TOLERANCE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> HmacSignature.verify(new InboundRequest(Map.of(), body), "X-Sig", "{body}", "HEX",
                List.of("k"), NOW, TOLERANCE))
                .hasMessage("The X-Sig header is missing; this endpoint needs its HMAC signature");
    }
}
