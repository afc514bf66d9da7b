package org.openpayloads.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.connector.stripe.StripeEnvironment.PRODUCTION;
import static org.openpayloads.connector.stripe.StripeEnvironment.SANDBOX;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.connector.stripe.StripeEnvironment.KeyKind;

class StripeEnvironmentTest {

    private static final String SK_TEST = "sk_test_51HxTestKeyAbc123";
    private static final String SK_LIVE = "sk_live_51HxLiveKeyAbc123";
    private static final String RK_TEST = "rk_test_51HxRestrictedAbc123";
    private static final String RK_LIVE = "rk_live_51HxRestrictedAbc123";

    @Test
    void eachKindOfKeyIsAcceptedInItsOwnEnvironment() {
        assertThat(SANDBOX.check(SK_TEST)).isEmpty();
        assertThat(SANDBOX.check(RK_TEST)).isEmpty();
        assertThat(PRODUCTION.check(SK_LIVE)).isEmpty();
        assertThat(PRODUCTION.check(RK_LIVE)).isEmpty();
        assertThat(SANDBOX.check("  " + SK_TEST + "\n")).as("surrounding blanks are not part of the key").isEmpty();
    }

    @Test
    void aLiveKeyIsRefusedInTheSandbox() {
        assertThat(SANDBOX.check(SK_LIVE)).contains("secretKey is a live secret key (sk_live_…) but environment is "
                + "SANDBOX; expected a test key (sk_test_… or rk_test_…), or set environment to PRODUCTION to act on "
                + "live data");
        assertThat(SANDBOX.check(RK_LIVE)).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("secretKey is a live restricted key (rk_live_…) but environment is SANDBOX"));
    }

    @Test
    void aTestKeyIsRefusedInProduction() {
        assertThat(PRODUCTION.check(SK_TEST)).contains("secretKey is a test secret key (sk_test_…) but environment is "
                + "PRODUCTION; expected a live key (sk_live_… or rk_live_…), or set environment to SANDBOX");
        assertThat(PRODUCTION.check(RK_TEST)).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("secretKey is a test restricted key (rk_test_…) but environment is PRODUCTION"));
    }

    @Test
    void aMalformedKeyIsRefusedInEitherEnvironment() {
        for (StripeEnvironment environment : StripeEnvironment.values()) {
            assertThat(environment.check("hunter2-not-a-key")).contains("secretKey does not start with sk_test_, "
                    + "sk_live_, rk_test_ or rk_live_; expected a secret key (sk_test_… or sk_live_…) or a restricted "
                    + "key (rk_test_… or rk_live_…) from the Dashboard's API keys page");
            assertThat(environment.check("pk_test_51HxPublishable")).hasValueSatisfying(problem -> assertThat(problem)
                    .startsWith("secretKey is a publishable key (pk_…), which is meant for browsers; expected"));
            assertThat(environment.check("whsec_abc123")).hasValueSatisfying(problem -> assertThat(problem)
                    .startsWith("secretKey is a webhook signing secret (whsec_…), which belongs in webhookSecrets"));
            assertThat(environment.check("sk_test_")).hasValueSatisfying(problem -> assertThat(problem)
                    .startsWith("secretKey starts with sk_test_ but nothing follows it"));
            assertThat(environment.check("sk_live_abc def")).hasValueSatisfying(problem -> assertThat(problem)
                    .startsWith("secretKey starts with sk_live_ but the rest has characters other than letters"));
            assertThat(environment.check("SK_TEST_ABC")).as("prefixes are lower-case").isPresent();
        }
    }

    @Test
    void noMessageContainsTheKey() {
        List<String> keys = List.of(SK_TEST, SK_LIVE, RK_TEST, RK_LIVE, "pk_live_51HxPublishable", "sk_test_abc def",
                "whsec_abc123", "rk_live_x\"y");
        for (String key : keys) {
            for (StripeEnvironment environment : StripeEnvironment.values()) {
                environment.check(key).ifPresent(problem -> assertThat(problem).doesNotContain(key)
                        .doesNotContain(key.substring(8)));
            }
        }
    }

    @Test
    void requireThrowsAConfigExceptionOnTheKeyField() {
        assertThatCode(() -> SANDBOX.require(SK_TEST)).doesNotThrowAnyException();
        assertThatThrownBy(() -> SANDBOX.require(SK_LIVE)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("secretKey");
            assertThat(e.getMessage()).startsWith("secretKey: secretKey is a live secret key").doesNotContain(SK_LIVE);
        });
        assertThatThrownBy(() -> PRODUCTION.require("nonsense")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not start with sk_test_");
    }

    @Test
    void keyKindsKnowTheirPrefixAndEnvironment() {
        assertThat(KeyKind.of(SK_TEST)).contains(KeyKind.SECRET_TEST);
        assertThat(KeyKind.of(SK_LIVE)).contains(KeyKind.SECRET_LIVE);
        assertThat(KeyKind.of(RK_TEST)).contains(KeyKind.RESTRICTED_TEST);
        assertThat(KeyKind.of(RK_LIVE)).contains(KeyKind.RESTRICTED_LIVE);
        assertThat(KeyKind.of("sk_test_with_underscores_1")).contains(KeyKind.SECRET_TEST);
        assertThat(KeyKind.of("pk_live_abc")).isEmpty();
        assertThat(KeyKind.RESTRICTED_LIVE.prefix()).isEqualTo("rk_live_");
        assertThat(KeyKind.RESTRICTED_LIVE.environment()).isEqualTo(PRODUCTION);
        assertThat(KeyKind.SECRET_TEST.description()).isEqualTo("test secret key");
    }
}
