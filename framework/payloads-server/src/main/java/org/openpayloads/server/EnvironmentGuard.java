package org.openpayloads.server;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openpayloads.api.FieldError;
import org.openpayloads.connector.stripe.StripeEnvironment;
import org.openpayloads.engine.config.CredentialPolicy;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.CredentialType;

/**
 * Keeps each server to its environment: a sandbox server takes no live Stripe key and no production
 * Salesforce login, and a production server no test key and no sandbox login. Checked when a credential is
 * saved, and at start-up for the server's own Salesforce org; the Stripe client checks its key again before
 * any call.
 */
final class EnvironmentGuard implements CredentialPolicy {

    private static final String DEFAULT_LOGIN_URL = "https://login.salesforce.com";

    private final EnvironmentProfile profile;

    EnvironmentGuard(EnvironmentProfile profile) {
        this.profile = profile;
    }

    @Override
    public List<FieldError> check(CredentialChange credential) {
        List<FieldError> errors = new ArrayList<>();
        if (credential.type() == CredentialType.STRIPE) {
            String key = credential.secretsToSet().get("secretKey");
            if (key != null && !key.isBlank()) {
                stripeKeyProblem(key).ifPresent(problem -> errors.add(new FieldError("secrets.secretKey", problem)));
            }
        }
        if (credential.type() == CredentialType.SALESFORCE) {
            String loginUrl = credential.attributes().getOrDefault("loginUrl", DEFAULT_LOGIN_URL);
            salesforceLoginProblem(loginUrl).ifPresent(problem ->
                    errors.add(new FieldError("attributes.loginUrl", problem)));
        }
        return errors;
    }

    /** What is wrong with a Stripe secret or restricted key here; never quotes it. */
    Optional<String> stripeKeyProblem(String secretKey) {
        StripeEnvironment stripe = profile == EnvironmentProfile.PRODUCTION ? StripeEnvironment.PRODUCTION
                : StripeEnvironment.SANDBOX;
        return stripe.check(secretKey).map(problem -> problem + " (this server runs with PAYLOADS_ENVIRONMENT="
                + profile.lowerName() + ")");
    }

    /**
     * What is wrong with a Salesforce login URL here: test.salesforce.com and sandbox My Domains
     * ({@code *.sandbox.my.salesforce.com}) belong to the sandbox, login.salesforce.com and other My Domains to
     * production. Other hosts, such as the embedded org's, pass.
     */
    Optional<String> salesforceLoginProblem(String loginUrl) {
        String host;
        try {
            host = Optional.ofNullable(URI.create(loginUrl.strip()).getHost()).orElse("").toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the credential type's own check names a malformed URL
        }
        boolean sandboxLogin = host.equals("test.salesforce.com") || host.endsWith(".sandbox.my.salesforce.com");
        boolean productionLogin = host.equals("login.salesforce.com")
                || host.endsWith(".my.salesforce.com") && !sandboxLogin;
        if (profile == EnvironmentProfile.SANDBOX && productionLogin) {
            return Optional.of("'" + loginUrl + "' logs in to a production org, but this server runs with "
                    + "PAYLOADS_ENVIRONMENT=sandbox; expected https://test.salesforce.com or a sandbox My Domain "
                    + "(*.sandbox.my.salesforce.com), or set PAYLOADS_ENVIRONMENT=production");
        }
        if (profile == EnvironmentProfile.PRODUCTION && sandboxLogin) {
            return Optional.of("'" + loginUrl + "' logs in to a sandbox org, but this server runs with "
                    + "PAYLOADS_ENVIRONMENT=production; expected https://login.salesforce.com or a production My "
                    + "Domain, or set PAYLOADS_ENVIRONMENT=sandbox");
        }
        return Optional.empty();
    }
}
