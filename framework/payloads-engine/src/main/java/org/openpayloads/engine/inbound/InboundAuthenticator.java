package org.openpayloads.engine.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.model.AuthType;
import org.openpayloads.engine.model.InboundAuth;
import org.openpayloads.engine.model.ResolvedCredential;

/**
 * Checks that an inbound request comes from who the payload's auth says may call it: nobody in particular, Basic
 * credentials, an API key in a header, a bearer token, a generic HMAC signature, or Stripe's signature. Secrets
 * come from the payload's credential; comparisons take the same time wherever the inputs differ. Thread-safe.
 */
public final class InboundAuthenticator {

    private final Clock clock;

    public InboundAuthenticator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param credential the payload's credential, resolved; null when the auth type needs none
     * @throws AuthenticationException when the request does not prove it may call; the message says what is
     *     wrong (missing, malformed, stale or not matching) and never shows a secret
     * @throws IllegalStateException when the credential lacks the secret its auth type needs: a configuration
     *     error, not the caller's
     */
    public void verify(InboundAuth auth, @Nullable ResolvedCredential credential, InboundRequest request) {
        AuthType type = auth.type();
        if (type == AuthType.NONE) {
            return;
        }
        if (credential == null) {
            throw new IllegalStateException("auth " + type + " needs credential '" + auth.credential()
                    + "', which does not exist");
        }
        Duration tolerance = auth.toleranceSeconds() == null ? StripeSignature.DEFAULT_TOLERANCE
                : Duration.ofSeconds(auth.toleranceSeconds());
        switch (type) {
            case BASIC -> basic(credential, request);
            case API_KEY -> {
                String header = auth.headerName() != null ? auth.headerName()
                        : credential.attribute("headerName").orElse("X-API-Key");
                String key = request.header(header).orElseThrow(() -> new AuthenticationException(
                        "The " + header + " header is missing; this endpoint needs an API key in it"));
                if (!Hmac.same(key, secret(credential, "apiKey"))) {
                    throw new AuthenticationException("The API key in " + header + " is not the one this endpoint "
                            + "accepts");
                }
            }
            case BEARER -> {
                String token = authorization(request, "Bearer");
                if (!Hmac.same(token, secret(credential, "token"))) {
                    throw new AuthenticationException("The bearer token is not the one this endpoint accepts");
                }
            }
            case HMAC -> HmacSignature.verify(request, Objects.requireNonNull(auth.headerName(), "headerName"),
                    auth.signedContent() == null ? HmacSignature.DEFAULT_TEMPLATE : auth.signedContent(),
                    auth.signatureEncoding() == null ? "HEX" : auth.signatureEncoding(),
                    secrets(credential, "secret"), clock.instant(), tolerance);
            case STRIPE_SIGNATURE -> StripeSignature.verify(request, secrets(credential, "webhookSecrets"),
                    clock.instant(), tolerance);
            case NONE -> throw new IllegalStateException("NONE was handled above");
        }
    }

    private static void basic(ResolvedCredential credential, InboundRequest request) {
        String encoded = authorization(request, "Basic");
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException("The Basic credentials are not valid base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new AuthenticationException("The Basic credentials have no ':' between user name and password");
        }
        String username = credential.attribute("username").orElseThrow(() -> new IllegalStateException(
                "credential '" + credential.apiName() + "' has no username"));
        boolean userMatches = Hmac.same(decoded.substring(0, colon), username);
        boolean passwordMatches = Hmac.same(decoded.substring(colon + 1), secret(credential, "password"));
        if (!userMatches || !passwordMatches) {
            throw new AuthenticationException("The Basic user name or password is not the one this endpoint accepts");
        }
    }

    /** The value after {@code Authorization: <scheme> }. */
    private static String authorization(InboundRequest request, String scheme) {
        String header = request.header("Authorization").orElseThrow(() -> new AuthenticationException(
                "The Authorization header is missing; this endpoint needs " + scheme + " credentials"));
        if (!header.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1)) {
            throw new AuthenticationException("The Authorization header is not " + scheme + " credentials; expected "
                    + "'Authorization: " + scheme + " …'");
        }
        return header.substring(scheme.length() + 1).strip();
    }

    private static String secret(ResolvedCredential credential, String name) {
        return credential.secret(name).filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "credential '" + credential.apiName() + "' has no secret " + name));
    }

    /** A secret that may hold several values, comma-separated, while one is rolled over to the next. */
    private static List<String> secrets(ResolvedCredential credential, String name) {
        return Arrays.stream(secret(credential, name).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }
}
