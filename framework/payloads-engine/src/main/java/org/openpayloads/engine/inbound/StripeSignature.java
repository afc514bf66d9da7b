package org.openpayloads.engine.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stripe's {@code Stripe-Signature} header, {@code t=1533204620,v1=5257a…,v1=…,v0=…}: an HMAC-SHA256, in lowercase
 * hex, of {@code <t>.<raw body>}, keyed with the endpoint's signing secret. Any {@code v1} may match any of the
 * secrets, so that a secret can be rolled while the old one still signs; {@code v0} and other schemes are ignored.
 */
final class StripeSignature {

    static final String HEADER = "Stripe-Signature";
    static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

    private StripeSignature() {
    }

    /**
     * @param secrets the active signing secrets, such as {@code whsec_…}
     * @param tolerance how far the signed time may be from now, either way
     * @throws AuthenticationException naming what is missing, stale or wrong
     */
    static void verify(InboundRequest request, List<String> secrets, Instant now, Duration tolerance) {
        String header = request.header(HEADER).orElseThrow(() -> new AuthenticationException(
                "The " + HEADER + " header is missing; Stripe signs every webhook with it"));
        long timestamp = -1;
        List<String> signatures = new ArrayList<>();
        for (String element : header.split(",")) {
            int eq = element.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = element.substring(0, eq).strip();
            String value = element.substring(eq + 1).strip();
            if (key.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new AuthenticationException("The " + HEADER + " header's timestamp t=" + shorten(value)
                            + " is not a number of seconds");
                }
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp < 0) {
            throw new AuthenticationException("The " + HEADER + " header has no timestamp (t=…)");
        }
        if (signatures.isEmpty()) {
            throw new AuthenticationException("The " + HEADER + " header has no v1 signature");
        }
        Hmac.checkAge(HEADER, timestamp, now, tolerance, ", so that a captured request cannot be replayed");
        byte[] signed = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        for (String secret : secrets) {
            String expected = Hmac.hex(Hmac.sha256(secret, signed, request.body()));
            for (String signature : signatures) {
                if (Hmac.same(expected, signature)) {
                    return;
                }
            }
        }
        throw new AuthenticationException("No v1 signature of the " + HEADER + " header matches the body and "
                + (secrets.size() == 1 ? "the signing secret" : "any of the " + secrets.size() + " signing secrets")
                + "; check the endpoint's secret (whsec_…) and that the body reaches the server unchanged");
    }

    private static String shorten(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
