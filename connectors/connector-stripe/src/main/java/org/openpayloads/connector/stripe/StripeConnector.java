package org.openpayloads.connector.stripe;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.config.ConfigDef;
import org.openpayloads.api.config.ConfigDef.Required;
import org.openpayloads.api.config.ConfigDef.Type;
import org.openpayloads.api.config.ConfigDef.Validator;
import org.openpayloads.api.connector.ApiConnector;
import org.openpayloads.api.connector.ConnectorContext;
import org.openpayloads.api.connector.PollingTrigger;

/**
 * Stripe, through its REST API: type {@code stripe}. Stateless; {@link #open} (or {@link #connect}) opens a
 * {@link StripeClient} for one account and key, and {@link #triggers()} offers the polling triggers
 * {@code new-charge} and {@code new-customer} ({@link NewObjectsTrigger}).
 */
public final class StripeConnector implements ApiConnector {

    public static final String TYPE = "stripe";

    static final String API_BASE = "apiBase";
    static final String SECRET_KEY = StripeEnvironment.FIELD;
    static final String WEBHOOK_SECRETS = "webhookSecrets";
    static final String ENVIRONMENT = "environment";
    static final String STRIPE_VERSION = "stripeVersion";
    static final String MAX_ATTEMPTS = "maxAttempts";
    static final String REQUEST_TIMEOUT_SECONDS = "requestTimeoutSeconds";

    private static final String WHSEC = "whsec_";

    private static final ConfigDef DEF = new ConfigDef()
            .define(API_BASE, Type.URL, "https://api.stripe.com", StripeConnector::baseUrlOnly, "connection",
                    "Where the API is: https://api.stripe.com, or a stub's address in tests. Scheme, host and port only.")
            .define(ENVIRONMENT, Type.STRING, StripeEnvironment.SANDBOX.name(), Validator.oneOf("SANDBOX", "PRODUCTION"),
                    "connection", "SANDBOX takes test keys only (sk_test_, rk_test_); PRODUCTION takes live keys only "
                            + "(sk_live_, rk_live_). A key of the other mode is refused before any call.")
            .define(new ConfigDef.Key(STRIPE_VERSION, Type.STRING, Required.NO, null, StripeConnector::stripeVersion,
                    "connection", "The Stripe-Version header, for example 2024-06-20; empty for the account's default."))
            .define(new ConfigDef.Key(SECRET_KEY, Type.SECRET, Required.YES, null, StripeConnector::keyShape,
                    "credentials", "The API key: a secret key (sk_test_…, sk_live_…) or a restricted key "
                            + "(rk_test_…, rk_live_…) that allows the calls the integration makes."))
            .define(WEBHOOK_SECRETS, Type.SECRET, Required.NO, "credentials",
                    "The webhook endpoints' signing secrets (whsec_…), comma-separated; give two while one is rolled.")
            .define(MAX_ATTEMPTS, Type.INT, "4", Validator.between(1, 10), "retries",
                    "Attempts per call, the first included, after a 429, a 5xx, a timeout or a lost connection.")
            .define(REQUEST_TIMEOUT_SECONDS, Type.INT, "30", Validator.between(1, 600), "retries",
                    "How long to wait for one answer.");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Reads, lists and writes Stripe objects through the REST API, with idempotent retries, and polls for "
                + "new charges and customers; refuses a live key in the sandbox and a test key in production.";
    }

    @Override
    public ConfigDef configDef() {
        return DEF;
    }

    /** The definition's checks, each webhook secret's shape, the environment guard, and https for live keys. */
    @Override
    public List<FieldError> validate(Map<String, String> config) {
        List<FieldError> errors = new ArrayList<>(DEF.validate(config));
        Set<String> reported = errors.stream().map(FieldError::field).collect(Collectors.toSet());
        if (present(config, WEBHOOK_SECRETS)) {
            errors.addAll(webhookSecretProblems(config.get(WEBHOOK_SECRETS)));
        }
        if (reported.contains(ENVIRONMENT)) {
            return errors;
        }
        StripeEnvironment environment = present(config, ENVIRONMENT)
                ? StripeEnvironment.valueOf(config.get(ENVIRONMENT)) : StripeEnvironment.SANDBOX;
        if (present(config, SECRET_KEY) && !reported.contains(SECRET_KEY)) {
            environment.check(config.get(SECRET_KEY)).ifPresent(p -> errors.add(new FieldError(SECRET_KEY, p)));
        }
        if (environment == StripeEnvironment.PRODUCTION && present(config, API_BASE) && !reported.contains(API_BASE)
                && !"https".equalsIgnoreCase(URI.create(config.get(API_BASE).strip()).getScheme())) {
            errors.add(new FieldError(API_BASE, "value '" + config.get(API_BASE).strip() + "' is not https but "
                    + "environment is PRODUCTION; expected an https URL, so that the live key is not sent in clear"));
        }
        return errors;
    }

    /**
     * Opens a client. Opening does not call Stripe; the key's environment is checked first.
     *
     * @param context its transport carries every call; {@link StripeClient#defaultTransport()} is the usual one
     * @throws ConfigException listing every problem with {@code config}
     */
    @Override
    public StripeClient open(ConnectorContext context, Map<String, String> config) {
        return open(context, config, Sleeper.REAL, Backoff.standard());
    }

    /** The same as {@link #open(ConnectorContext, Map)}; kept for callers that want the Stripe type by name. */
    public StripeClient connect(ConnectorContext context, Map<String, String> config) {
        return open(context, config);
    }

    /** {@code new-charge} and {@code new-customer}: the account's charges and customers, oldest first. */
    @Override
    public List<PollingTrigger> triggers() {
        return List.of(NewObjectsTrigger.NEW_CHARGE, NewObjectsTrigger.NEW_CUSTOMER);
    }

    /** {@link #open(ConnectorContext, Map)}, with the sleeper and backoff that tests swap in. */
    StripeClient open(ConnectorContext context, Map<String, String> config, Sleeper sleeper, Backoff backoff) {
        List<FieldError> errors = validate(config);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new StripeClient(StripeConfig.from(DEF.parse(config)), context, sleeper, backoff);
    }

    private static List<FieldError> webhookSecretProblems(String list) {
        List<String> items = StripeConfig.split(list);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            String which = items.size() == 1 ? "the value" : "item " + (i + 1) + " of " + items.size();
            String problem = item.isEmpty() ? " is empty"
                    : !item.startsWith(WHSEC) ? " does not start with " + WHSEC
                    : item.length() == WHSEC.length() ? " has nothing after " + WHSEC
                    : item.chars().anyMatch(Character::isWhitespace) ? " contains a space or line break"
                    : null;
            if (problem != null) {
                errors.add(new FieldError(WEBHOOK_SECRETS, which + problem + "; expected comma-separated signing "
                        + "secrets (whsec_…) as the Dashboard's webhook endpoint page or `stripe listen` shows them"));
            }
        }
        return errors;
    }

    private static Optional<String> keyShape(String value) {
        return StripeEnvironment.KeyKind.of(value).isPresent() ? Optional.empty()
                : Optional.of(StripeEnvironment.KeyKind.problem(value));
    }

    private static Optional<String> baseUrlOnly(String value) {
        URI uri = URI.create(value.strip());
        String path = uri.getRawPath();
        boolean bare = (path == null || path.isEmpty() || path.equals("/")) && uri.getRawQuery() == null
                && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        return bare ? Optional.empty() : Optional.of("value '" + value.strip() + "' has a path, query or user; expected "
                + "only scheme, host and port, for example https://api.stripe.com (paths such as /v1 come from calls)");
    }

    private static Optional<String> stripeVersion(String value) {
        return value.strip().matches("\\d{4}-\\d{2}-\\d{2}(\\.[a-z]+)?") ? Optional.empty()
                : Optional.of("value '" + value.strip() + "' is not a Stripe API version; expected a date such as "
                        + "2024-06-20, optionally with a release name such as 2025-03-31.basil");
    }

    private static boolean present(Map<String, String> config, String key) {
        String value = config.get(key);
        return value != null && !value.isBlank();
    }
}
