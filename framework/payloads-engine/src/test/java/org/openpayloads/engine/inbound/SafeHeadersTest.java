package org.openpayloads.engine.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpayloads.engine.model.AuthType;
import org.openpayloads.engine.model.InboundAuth;

class SafeHeadersTest {

    @Test
    void keepsNoCredentialSignatureCookieOrConnectionHeader() {
        InboundRequest request = new InboundRequest(Map.of(
                "Authorization", List.of("Bearer s3cret"),
                "Stripe-Signature", List.of("t=1,v1=ab"),
                "X-Shop-Key", List.of("k-123"),
                "X-Hub-Signature-256", List.of("sha256=ab"),
                "Cookie", List.of("session=1"),
                "Content-Length", List.of("12"),
                "User-Agent", List.of("Stripe/1.0"),
                "Idempotency-Key", List.of("order-1"),
                "Accept", List.of("application/json", "text/plain")), new byte[0]);

        Map<String, String> kept = InboundService.safeHeaders(request,
                new InboundAuth(AuthType.API_KEY, "shop", "X-Shop-Key", null, null, null));

        assertThat(kept).containsOnlyKeys("User-Agent", "Idempotency-Key", "Accept")
                .containsEntry("Accept", "application/json, text/plain");
    }
}
