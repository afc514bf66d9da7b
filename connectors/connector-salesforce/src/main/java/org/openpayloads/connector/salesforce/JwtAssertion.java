package org.openpayloads.connector.salesforce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** The signed JWT of Salesforce's OAuth 2.0 JWT bearer flow (RFC 7523), RS256 on the JDK alone. */
final class JwtAssertion {

    /** Salesforce refuses an assertion whose expiry is more than three minutes away. */
    static final Duration LIFETIME = Duration.ofMinutes(3);

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private JwtAssertion() {
    }

    /**
     * {@code header.claims.signature}, with iss = the connected app's consumer key, sub = the user, aud
     * = the login URL, exp = now + {@link #LIFETIME}.
     */
    static String sign(String clientId, String username, String audience, PrivateKey key, Instant now) {
        ObjectNode claims = Json.MAPPER.createObjectNode()
                .put("iss", clientId)
                .put("sub", username)
                .put("aud", audience)
                .put("exp", now.plus(LIFETIME).getEpochSecond());
        String signingInput = URL.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(Json.bytes(claims));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the JWT assertion with the privateKey: " + e.getClass().getSimpleName());
        }
    }
}
