package org.openpayloads.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.connector.ApiConnector;
import org.openpayloads.api.connector.ConnectorContext;
import org.openpayloads.api.connector.Connectors;
import org.openpayloads.api.connector.PollingTrigger;
import org.openpayloads.testkit.ConnectorContractTest;

class StripeConnectorTest extends ConnectorContractTest {

    private static final String SK_TEST = "sk_test_51HxSampleTestKey0001";
    private static final String SK_LIVE = "sk_live_51HxSampleLiveKey0002";
    private static final String RK_TEST = "rk_test_51HxSampleRestricted03";
    private static final String RK_LIVE = "rk_live_51HxSampleRestricted04";
    private static final String WHSEC = "whsec_SampleSigningSecret0005";

    private static final Map<String, String> SANDBOX = Map.of("secretKey", SK_TEST, "webhookSecrets", WHSEC,
            "maxAttempts", "1");

    private final StripeConnector connector = new StripeConnector();

    @Override
    protected StripeConnector connector() {
        return connector;
    }

    @Override
    protected Map<String, String> sampleConfig() {
        return SANDBOX;
    }

    @Override
    protected List<Map<String, String>> sampleConfigs() {
        return List.of(SANDBOX,
                Map.of("environment", "PRODUCTION", "secretKey", SK_LIVE, "stripeVersion", "2024-06-20"),
                Map.of("environment", "SANDBOX", "secretKey", RK_TEST, "webhookSecrets", WHSEC + ", whsec_Rolled06"),
                Map.of("environment", "PRODUCTION", "secretKey", RK_LIVE, "apiBase", "https://api.stripe.com/"));
    }

    @Test
    void isFoundByServiceLoader() {
        Connectors connectors = Connectors.load(getClass().getClassLoader());
        assertThat(connectors.require("stripe", StripeConnector.class)).isInstanceOf(StripeConnector.class);
    }

    @Test
    void anEmptyConfigNamesOnlyTheKey() {
        assertThat(connector.validate(Map.of())).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("secretKey");
            assertThat(error.message()).startsWith("is required: The API key");
        });
        assertThat(fieldsOf(connector.validate(Map.of("secretKey", "   ")))).containsExactly("secretKey");
    }

    @Test
    void defaultsAreTheRealApiTheSandboxAndFourAttempts() {
        Map<String, String> parsed = connector.configDef().parse(Map.of("secretKey", SK_TEST));
        StripeConfig config = StripeConfig.from(parsed);

        assertThat(config.apiBase()).hasToString("https://api.stripe.com");
        assertThat(config.environment()).isEqualTo(StripeEnvironment.SANDBOX);
        assertThat(config.maxAttempts()).isEqualTo(4);
        assertThat(config.stripeVersion()).isNull();
        assertThat(config.webhookSecrets()).isEmpty();
    }

    @Test
    void aLiveKeyIsRefusedInTheSandboxWhichIsTheDefault() {
        List<FieldError> errors = connector.validate(Map.of("secretKey", SK_LIVE));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("secretKey");
            assertThat(error.message()).isEqualTo("secretKey is a live secret key (sk_live_…) but environment is SANDBOX;"
                    + " expected a test key (sk_test_… or rk_test_…), or set environment to PRODUCTION to act on live "
                    + "data").doesNotContain(SK_LIVE);
        });
        assertThat(fieldsOf(connector.validate(Map.of("secretKey", RK_LIVE, "environment", "SANDBOX"))))
                .containsExactly("secretKey");
    }

    @Test
    void aTestKeyIsRefusedInProduction() {
        for (String key : List.of(SK_TEST, RK_TEST)) {
            List<FieldError> errors = connector.validate(Map.of("secretKey", key, "environment", "PRODUCTION"));
            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("secretKey");
                assertThat(error.message()).contains("but environment is PRODUCTION; expected a live key")
                        .doesNotContain(key);
            });
        }
    }

    @Test
    void aMalformedKeyIsOneProblemNotTwo() {
        List<FieldError> errors = connector.validate(Map.of("secretKey", "pk_live_51HxPublishableKey"));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("secretKey");
            assertThat(error.message()).startsWith("secretKey is a publishable key (pk_…)")
                    .doesNotContain("51HxPublishableKey");
        });
    }

    @Test
    void theGuardWaitsForAValidEnvironment() {
        assertThat(connector.validate(Map.of("secretKey", SK_LIVE, "environment", "live")))
                .singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("environment");
                    assertThat(error.message()).isEqualTo("expected one of PRODUCTION, SANDBOX");
                });
    }

    @Test
    void productionRefusesAPlainHttpApiBase() {
        List<FieldError> errors = connector.validate(Map.of("secretKey", SK_LIVE, "environment", "PRODUCTION",
                "apiBase", "http://api.stripe.com"));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("apiBase");
            assertThat(error.message()).isEqualTo("value 'http://api.stripe.com' is not https but environment is "
                    + "PRODUCTION; expected an https URL, so that the live key is not sent in clear");
        });
        assertThat(connector.validate(Map.of("secretKey", SK_TEST, "apiBase", "http://localhost:12111")))
                .as("a local stub in the sandbox").isEmpty();
    }

    @Test
    void reportsEveryInvalidValueAtOnce() {
        Map<String, String> bad = new HashMap<>(SANDBOX);
        bad.putAll(Map.of("apiBase", "https://api.stripe.com/v1", "maxAttempts", "0", "requestTimeoutSeconds", "soon",
                "stripeVersion", "latest", "webhookSecrets", "whsec_ok,sk_test_51Hx, ,whsec_", "colour", "red"));
        List<FieldError> errors = connector.validate(bad);

        assertThat(fieldsOf(errors)).containsExactlyInAnyOrder("apiBase", "maxAttempts", "requestTimeoutSeconds",
                "stripeVersion", "webhookSecrets", "webhookSecrets", "webhookSecrets", "colour");
        assertThat(message(errors, "apiBase")).isEqualTo("value 'https://api.stripe.com/v1' has a path, query or user; "
                + "expected only scheme, host and port, for example https://api.stripe.com (paths such as /v1 come "
                + "from calls)");
        assertThat(message(errors, "maxAttempts")).isEqualTo("value '0' is out of range; expected 1 to 10");
        assertThat(message(errors, "requestTimeoutSeconds")).isEqualTo("value 'soon' is not a whole number");
        assertThat(message(errors, "stripeVersion")).isEqualTo("value 'latest' is not a Stripe API version; expected a "
                + "date such as 2024-06-20, optionally with a release name such as 2025-03-31.basil");
        assertThat(errors).filteredOn(e -> e.field().equals("webhookSecrets")).extracting(FieldError::message)
                .containsExactly(
                        "item 2 of 4 does not start with whsec_; expected comma-separated signing secrets (whsec_…) as "
                                + "the Dashboard's webhook endpoint page or `stripe listen` shows them",
                        "item 3 of 4 is empty; expected comma-separated signing secrets (whsec_…) as the Dashboard's "
                                + "webhook endpoint page or `stripe listen` shows them",
                        "item 4 of 4 has nothing after whsec_; expected comma-separated signing secrets (whsec_…) as "
                                + "the Dashboard's webhook endpoint page or `stripe listen` shows them")
                .allSatisfy(m -> assertThat(m).doesNotContain("sk_test_51Hx"));
    }

    @Test
    void aSingleWebhookSecretIsCalledTheValue() {
        assertThat(connector.validate(Map.of("secretKey", SK_TEST, "webhookSecrets", "whsec_has space")))
                .extracting(FieldError::message).singleElement().asString()
                .startsWith("the value contains a space or line break; expected comma-separated");
    }

    @Test
    void acceptsAPinnedVersionWithAReleaseName() {
        assertThat(connector.validate(Map.of("secretKey", SK_TEST, "stripeVersion", "2025-03-31.basil"))).isEmpty();
    }

    @Test
    void connectRefusesABadConfigWithEveryErrorBeforeAnyCall() {
        ConnectorContext context = ConnectorContext.of(call -> {
            throw new AssertionError("must not call out");
        });
        assertThatThrownBy(() -> connector.connect(context, Map.of("secretKey", SK_LIVE, "maxAttempts", "99")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(fieldsOf(e.errors())).containsExactlyInAnyOrder("secretKey", "maxAttempts");
                    assertThat(e.toString()).doesNotContain(SK_LIVE);
                });
    }

    @Test
    void connectingDoesNotCallStripe() {
        ConnectorContext context = ConnectorContext.of(call -> {
            throw new AssertionError("must not call out");
        });
        StripeClient client = connector.connect(context, SANDBOX);

        assertThat(client.callCount()).isZero();
        assertThat(client.environment()).isEqualTo(StripeEnvironment.SANDBOX);
        assertThat(client.toString()).isEqualTo("StripeClient[https://api.stripe.com, environment=SANDBOX, "
                + "secretKey=[hidden], calls=0]");
    }

    @Test
    void isAnApiConnectorWhoseOpenGivesAStripeClientAndOffersTwoTriggers() {
        ApiConnector api = connector;
        ConnectorContext context = ConnectorContext.of(call -> {
            throw new AssertionError("must not call out");
        });

        assertThat(api.open(context, SANDBOX)).isInstanceOf(StripeClient.class);
        assertThat(api.triggers()).extracting(PollingTrigger::name).containsExactly("new-charge", "new-customer");
        assertThat(api.triggers()).allSatisfy(trigger -> {
            assertThat(trigger.name()).matches("[a-z][a-z0-9-]*");
            assertThat(trigger.description()).isNotBlank();
            assertThat(trigger.options().keys().values()).allSatisfy(key -> {
                assertThat(key.documentation()).isNotBlank();
                assertThat(key.isSecret()).isFalse();
            });
        });
        assertThatThrownBy(() -> api.open(context, Map.of("secretKey", SK_LIVE)))
                .isInstanceOf(ConfigException.class).hasMessageNotContaining(SK_LIVE);
    }

    private static List<String> fieldsOf(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    private static String message(List<FieldError> errors, String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst().orElseThrow();
    }
}
