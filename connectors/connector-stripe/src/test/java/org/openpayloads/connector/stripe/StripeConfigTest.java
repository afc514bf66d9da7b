package org.openpayloads.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StripeConfigTest {

    private static final String KEY = "sk_test_51HxConfigKey0001";

    @Test
    void readsValidatedValuesStrippedAndTyped() {
        StripeConfig config = StripeConfig.from(new StripeConnector().configDef().parse(Map.of(
                "apiBase", " http://localhost:12111/ ", "secretKey", " " + KEY + "\n", "webhookSecrets",
                "whsec_one, whsec_two ", "environment", "SANDBOX", "maxAttempts", "2", "stripeVersion", " 2024-06-20 ",
                "requestTimeoutSeconds", "5")));

        assertThat(config).isEqualTo(new StripeConfig(URI.create("http://localhost:12111"), KEY,
                List.of("whsec_one", "whsec_two"), StripeEnvironment.SANDBOX, 2, "2024-06-20", Duration.ofSeconds(5)));
    }

    @Test
    void redactsTheKeyAndTheWebhookSecretsAsTypedAndAsEncoded() {
        StripeConfig config = config(List.of("whsec_a+b/c=", "whsec_plain"));

        assertThat(config.redact("key " + KEY + ", Bearer " + KEY + "; whsec_a%2Bb%2Fc%3D and whsec_a+b/c= and "
                + "whsec_plain")).isEqualTo("key [hidden], Bearer [hidden]; [hidden] and [hidden] and [hidden]");
        assertThat(config.redact("nothing secret")).isEqualTo("nothing secret");
    }

    @Test
    void toStringHidesEverySecret() {
        StripeConfig config = config(List.of("whsec_plain"));

        assertThat(config.toString()).isEqualTo("StripeConfig[apiBase=https://api.stripe.com, secretKey=[hidden], "
                + "webhookSecrets=1 [hidden], environment=SANDBOX, maxAttempts=4, stripeVersion=(account default), "
                + "requestTimeout=PT30S]");
    }

    @Test
    void refusesImpossibleSettings() {
        assertThatThrownBy(() -> new StripeConfig(URI.create("https://api.stripe.com"), KEY, List.of(),
                StripeEnvironment.SANDBOX, 0, null, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAttempts was 0; expected 1 or more");
        assertThatThrownBy(() -> new StripeConfig(URI.create("https://api.stripe.com"), KEY, List.of(),
                StripeEnvironment.SANDBOX, 1, null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requestTimeout was PT0S; expected a positive "
                        + "duration");
    }

    @Test
    void splitsKeepingBlankItemsForValidationToCount() {
        assertThat(StripeConfig.split("a, ,b,")).containsExactly("a", "", "b", "");
    }

    private static StripeConfig config(List<String> webhookSecrets) {
        return new StripeConfig(URI.create("https://api.stripe.com"), KEY, webhookSecrets, StripeEnvironment.SANDBOX, 4,
                null, Duration.ofSeconds(30));
    }
}
