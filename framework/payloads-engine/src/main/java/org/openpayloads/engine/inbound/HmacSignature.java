package org.openpayloads.engine.inbound;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A generic HMAC-SHA256 signature in a header, over a signed-content template such as
 * {@code v0:{timestamp:X-Slack-Request-Timestamp}:{body}} or {@code {body}}:
 * <ul>
 *   <li>{@code {body}}: the raw body bytes;
 *   <li>{@code {timestamp:Name}}: the value of header {@code Name}, epoch seconds, which must also be within the
 *       tolerance; {@code {timestamp}} alone reads {@code X-Timestamp};
 *   <li>{@code {header:Name}}: the value of another header;
 *   <li>anything else: itself.
 * </ul>
 * The signature is hex (in either case) or base64, optionally after a {@code sha256=} prefix, as GitHub sends it.
 */
final class HmacSignature {

    static final String DEFAULT_TEMPLATE = "{body}";
    static final String DEFAULT_TIMESTAMP_HEADER = "X-Timestamp";
    private static final String PREFIX = "sha256=";

    private HmacSignature() {
    }

    /**
     * @param encoding HEX or BASE64
     * @param tolerance how far a signed timestamp may be from now; zero accepts any
     * @throws AuthenticationException naming the missing header, the stale timestamp or the mismatch
     */
    static void verify(InboundRequest request, String signatureHeader, String template, String encoding,
                       List<String> secrets, Instant now, Duration tolerance) {
        String sent = request.header(signatureHeader).orElseThrow(() -> new AuthenticationException(
                "The " + signatureHeader + " header is missing; this endpoint needs its HMAC signature"));
        if (sent.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            sent = sent.substring(PREFIX.length());
        }
        byte[] signed = signedContent(request, template, now, tolerance);
        for (String secret : secrets) {
            byte[] digest = Hmac.sha256(secret, signed);
            String expected = encoding.equals("BASE64") ? Base64.getEncoder().encodeToString(digest) : Hmac.hex(digest);
            String offered = encoding.equals("BASE64") ? sent.strip() : sent.strip().toLowerCase(Locale.ROOT);
            if (Hmac.same(expected, offered)) {
                return;
            }
        }
        throw new AuthenticationException("The " + signatureHeader + " signature does not match the body and the "
                + "signing secret; expected an HMAC-SHA256 in " + encoding.toLowerCase(Locale.ROOT) + " of "
                + template);
    }

    private static byte[] signedContent(InboundRequest request, String template, Instant now, Duration tolerance) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(request.body().length + 64);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.writeBytes(template.substring(i).getBytes(StandardCharsets.UTF_8));
                break;
            }
            out.writeBytes(template.substring(i, open).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(placeholder(request, template.substring(open + 1, close), now, tolerance));
            i = close + 1;
        }
        return out.toByteArray();
    }

    private static byte[] placeholder(InboundRequest request, String name, Instant now, Duration tolerance) {
        if (name.equals("body")) {
            return request.body();
        }
        if (name.equals("timestamp") || name.startsWith("timestamp:")) {
            String header = name.equals("timestamp") ? DEFAULT_TIMESTAMP_HEADER : name.substring("timestamp:".length());
            String value = required(request, header, "the signed timestamp");
            checkAge(header, value, now, tolerance);
            return value.getBytes(StandardCharsets.UTF_8);
        }
        if (name.startsWith("header:")) {
            String header = name.substring("header:".length());
            return required(request, header, "a signed header").getBytes(StandardCharsets.UTF_8);
        }
        return ("{" + name + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String required(InboundRequest request, String header, String what) {
        return request.header(header).orElseThrow(() -> new AuthenticationException("The " + header
                + " header is missing; it carries " + what));
    }

    private static void checkAge(String header, String value, Instant now, Duration tolerance) {
        long seconds;
        try {
            seconds = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new AuthenticationException("The " + header + " header is not a timestamp in epoch seconds");
        }
        Hmac.checkAge(header, seconds, now, tolerance, "");
    }
}
