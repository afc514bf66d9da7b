package org.openpayloads.engine.inbound;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpayloads.engine.model.AuthType;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.InboundAuth;
import org.openpayloads.engine.model.ResolvedCredential;

class InboundAuthenticatorTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);

    private final InboundAuthenticator authenticator = new InboundAuthenticator(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void noAuthLetsEveryoneIn() {
        assertThatCode(() -> authenticator.verify(InboundAuth.NONE, null, request(Map.of())))
                .doesNotThrowAnyException();
    }

    @Test
    void basicChecksUserAndPassword() {
        InboundAuth auth = auth(AuthType.BASIC, null);
        ResolvedCredential login = new ResolvedCredential("login", CredentialType.BASIC, Map.of("username", "shop"),
                Map.of("password", "p4ss:word"));

        assertThatCode(() -> authenticator.verify(auth, login, request(Map.of("Authorization", basic("shop:p4ss:word")))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> authenticator.verify(auth, login, request(Map.of("Authorization",
                basic("shop:wrong"))))).isInstanceOf(AuthenticationException.class)
                .hasMessage("The Basic user name or password is not the one this endpoint accepts");
        assertThatThrownBy(() -> authenticator.verify(auth, login, request(Map.of("Authorization", "Basic %%%"))))
                .hasMessage("The Basic credentials are not valid base64");
        assertThatThrownBy(() -> authenticator.verify(auth, login, request(Map.of("Authorization", "Bearer x"))))
                .hasMessage("The Authorization header is not Basic credentials; expected 'Authorization: Basic …'");
        assertThatThrownBy(() -> authenticator.verify(auth, login, request(Map.of())))
                .hasMessage("The Authorization header is missing; this endpoint needs Basic credentials");
    }

    @Test
    void apiKeyAndBearerCompareWithTheCredentialsSecret() {
        ResolvedCredential key = new ResolvedCredential("key", CredentialType.API_KEY, Map.of(),
                Map.of("apiKey", "k-123"));
        InboundAuth apiKey = new InboundAuth(AuthType.API_KEY, "key", "X-Api-Key", null, null, null);
        assertThatCode(() -> authenticator.verify(apiKey, key, request(Map.of("x-api-key", "k-123"))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> authenticator.verify(apiKey, key, request(Map.of("X-Api-Key", "k-124"))))
                .hasMessage("The API key in X-Api-Key is not the one this endpoint accepts");

        ResolvedCredential token = new ResolvedCredential("token", CredentialType.BEARER, Map.of(),
                Map.of("token", "t0ken"));
        assertThatCode(() -> authenticator.verify(auth(AuthType.BEARER, null), token,
                request(Map.of("Authorization", "bearer t0ken")))).doesNotThrowAnyException();
        assertThatThrownBy(() -> authenticator.verify(auth(AuthType.BEARER, null), token,
                request(Map.of("Authorization", "Bearer other")))).hasMessage(
                "The bearer token is not the one this endpoint accepts");
    }

    @Test
    void stripeSignatureUsesTheCredentialsWebhookSecretsAndTheConfiguredTolerance() {
        ResolvedCredential stripe = new ResolvedCredential("stripe", CredentialType.STRIPE, Map.of(),
                Map.of("webhookSecrets", "whsec_old, whsec_new"));
        String header = "t=" + (NOW.getEpochSecond() - 100) + ",v1="
                + StripeSignatureTest.sign("whsec_old", NOW.getEpochSecond() - 100, BODY);

        assertThatCode(() -> authenticator.verify(auth(AuthType.STRIPE_SIGNATURE, null), stripe,
                request(Map.of("Stripe-Signature", header)))).doesNotThrowAnyException();
        assertThatThrownBy(() -> authenticator.verify(auth(AuthType.STRIPE_SIGNATURE, 60), stripe,
                request(Map.of("Stripe-Signature", header))))
                .hasMessageStartingWith("The Stripe-Signature timestamp is 100 s old; at most 60 s is accepted");
    }

    @Test
    void aMissingCredentialOrSecretIsAConfigurationErrorNotTheCallers() {
        assertThatThrownBy(() -> authenticator.verify(auth(AuthType.BEARER, null), null, request(Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("auth BEARER needs credential 'cred', which does not exist");
        ResolvedCredential empty = new ResolvedCredential("cred", CredentialType.BEARER, Map.of(), Map.of());
        assertThatThrownBy(() -> authenticator.verify(auth(AuthType.BEARER, null), empty,
                request(Map.of("Authorization", "Bearer x"))))
                .isInstanceOf(IllegalStateException.class).hasMessage("credential 'cred' has no secret token");
    }

    private static InboundAuth auth(AuthType type, Integer tolerance) {
        return new InboundAuth(type, "cred", null, null, null, tolerance);
    }

    private static InboundRequest request(Map<String, String> headers) {
        Map<String, List<String>> all = new java.util.HashMap<>();
        headers.forEach((name, value) -> all.put(name, List.of(value)));
        return new InboundRequest(all, BODY);
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
