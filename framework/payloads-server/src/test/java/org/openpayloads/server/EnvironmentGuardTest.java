package org.openpayloads.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.FieldError;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.CredentialType;

class EnvironmentGuardTest {

    private static final String LIVE = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
    private static final String TEST = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";

    private final EnvironmentGuard sandbox = new EnvironmentGuard(EnvironmentProfile.SANDBOX);
    private final EnvironmentGuard production = new EnvironmentGuard(EnvironmentProfile.PRODUCTION);

    @Test
    void eachEnvironmentTakesOnlyItsOwnStripeKeys() {
        assertThat(sandbox.check(stripe(TEST))).isEmpty();
        assertThat(production.check(stripe(LIVE))).isEmpty();
        assertThat(production.check(stripe("rk_live_4eC39HqLyjWDarjtT1zdp7dc"))).isEmpty();

        List<FieldError> liveInSandbox = sandbox.check(stripe(LIVE));
        List<FieldError> testInProduction = production.check(stripe(TEST));

        assertThat(liveInSandbox).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("secrets.secretKey");
            assertThat(error.message()).contains("live secret key", "PAYLOADS_ENVIRONMENT=sandbox")
                    .doesNotContain(LIVE);
        });
        assertThat(testInProduction).singleElement().satisfies(error -> assertThat(error.message())
                .contains("test secret key", "PAYLOADS_ENVIRONMENT=production").doesNotContain(TEST));
    }

    @Test
    void aChangeThatKeepsTheStoredKeyIsNotCheckedAgain() {
        CredentialChange keepsKey = new CredentialChange("stripe", "Stripe", CredentialType.STRIPE,
                Map.of("apiBase", "https://api.stripe.com"), Map.of(), Set.of());

        assertThat(sandbox.check(keepsKey)).isEmpty();
    }

    @Test
    void salesforceLoginsBelongToTheirEnvironment() {
        assertThat(sandbox.salesforceLoginProblem("https://test.salesforce.com")).isEmpty();
        assertThat(sandbox.salesforceLoginProblem("https://acme--uat.sandbox.my.salesforce.com")).isEmpty();
        assertThat(sandbox.salesforceLoginProblem("https://login.salesforce.com")).get().asString()
                .contains("production org", "expected https://test.salesforce.com");
        assertThat(sandbox.salesforceLoginProblem("https://acme.my.salesforce.com")).isPresent();
        assertThat(production.salesforceLoginProblem("https://acme.my.salesforce.com")).isEmpty();
        assertThat(production.salesforceLoginProblem("https://test.salesforce.com")).get().asString()
                .contains("sandbox org");
        // The embedded org, or a proxy: neither environment's by its name.
        assertThat(sandbox.salesforceLoginProblem("http://localhost:8080")).isEmpty();
        assertThat(production.salesforceLoginProblem("http://localhost:8080")).isEmpty();
    }

    @Test
    void aSalesforceCredentialWithoutLoginUrlMeansLoginSalesforceCom() {
        CredentialChange noUrl = new CredentialChange("org", "Org", CredentialType.SALESFORCE,
                Map.of("clientId", "3MVG9"), Map.of("clientSecret", "x"), Set.of());

        assertThat(sandbox.check(noUrl)).extracting(FieldError::field).containsExactly("attributes.loginUrl");
        assertThat(production.check(noUrl)).isEmpty();
    }

    private static CredentialChange stripe(String key) {
        return new CredentialChange("stripe", "Stripe", CredentialType.STRIPE, Map.of(), Map.of("secretKey", key),
                Set.of());
    }
}
