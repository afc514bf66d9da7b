package org.openpayloads.sample.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook body as Stripe does: {@code Stripe-Signature: t=<unix seconds>,v1=<hex>}, where the
 * hex is the HMAC-SHA256 of {@code "<t>.<raw body>"} keyed with the endpoint's whole secret ({@code whsec_...}).
 */
public final class WebhookSigner {

    private WebhookSigner() {
    }

    /** The {@code Stripe-Signature} header of {@code body}, signed at {@code timestamp}. */
    public static String header(byte[] body, String secret, long timestamp) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("secret is empty; expected the endpoint's signing secret (whsec_...)");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
