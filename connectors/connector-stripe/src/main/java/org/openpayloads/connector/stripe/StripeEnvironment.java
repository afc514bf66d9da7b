package org.openpayloads.connector.stripe;

import java.util.Optional;
import org.openpayloads.api.ConfigException;

/**
 * Which Stripe mode a connection may act in, and the guard that keeps each kind of key in its own: a live
 * key is refused in the {@link #SANDBOX}, a test key in {@link #PRODUCTION}. The configuration check and
 * the client both apply it, so a key of the wrong mode never reaches Stripe.
 *
 * <p>Messages name the field ({@value #FIELD}) and the kind of key, never the key itself.
 */
public enum StripeEnvironment {

    /** Test mode: {@code sk_test_} and {@code rk_test_} keys; no real money moves. */
    SANDBOX("test"),
    /** Live mode: {@code sk_live_} and {@code rk_live_} keys; charges are real. */
    PRODUCTION("live");

    /** The option that holds the key, named in every message. */
    public static final String FIELD = "secretKey";

    private final String mode;

    StripeEnvironment(String mode) {
        this.mode = mode;
    }

    /**
     * What is wrong with using {@code secretKey} here: a key that is not a Stripe secret or restricted key,
     * or one of the other mode. Empty when the key fits.
     */
    public Optional<String> check(String secretKey) {
        Optional<KeyKind> kind = KeyKind.of(secretKey);
        if (kind.isEmpty()) {
            return Optional.of(KeyKind.problem(secretKey));
        }
        if (kind.get().environment() == this) {
            return Optional.empty();
        }
        StripeEnvironment other = kind.get().environment();
        return Optional.of(FIELD + " is a " + kind.get().description + " (" + kind.get().prefix + "…) but environment is "
                + this + "; expected a " + mode + " key (sk_" + mode + "_… or rk_" + mode + "_…), or set environment to "
                + other + (other == PRODUCTION ? " to act on live data" : ""));
    }

    /**
     * Throws when {@link #check} finds a problem, before anything is sent.
     *
     * @throws ConfigException naming {@value #FIELD}
     */
    public void require(String secretKey) {
        check(secretKey).ifPresent(problem -> {
            throw new ConfigException(FIELD, problem);
        });
    }

    /** The kinds of API key Stripe issues for server use, by prefix. */
    public enum KeyKind {
        SECRET_TEST("sk_test_", "test secret key", SANDBOX),
        SECRET_LIVE("sk_live_", "live secret key", PRODUCTION),
        RESTRICTED_TEST("rk_test_", "test restricted key", SANDBOX),
        RESTRICTED_LIVE("rk_live_", "live restricted key", PRODUCTION);

        private final String prefix;
        private final String description;
        private final StripeEnvironment environment;

        KeyKind(String prefix, String description, StripeEnvironment environment) {
            this.prefix = prefix;
            this.description = description;
            this.environment = environment;
        }

        /** The kind of a well-formed key: a known prefix followed by letters, digits and underscores. */
        public static Optional<KeyKind> of(String secretKey) {
            String key = secretKey.strip();
            for (KeyKind kind : values()) {
                if (key.startsWith(kind.prefix)) {
                    String rest = key.substring(kind.prefix.length());
                    return rest.isEmpty() || !rest.chars().allMatch(KeyKind::isKeyCharacter)
                            ? Optional.empty() : Optional.of(kind);
                }
            }
            return Optional.empty();
        }

        public String prefix() {
            return prefix;
        }

        public String description() {
            return description;
        }

        /** The environment this kind of key belongs to. */
        public StripeEnvironment environment() {
            return environment;
        }

        /** Why a key has no kind; names well-known mix-ups without quoting the key. */
        static String problem(String secretKey) {
            String key = secretKey.strip();
            for (KeyKind kind : values()) {
                if (key.startsWith(kind.prefix)) {
                    String rest = key.length() == kind.prefix.length() ? "nothing follows it"
                            : "the rest has characters other than letters, digits and _ (was a space or quote pasted "
                            + "with it?)";
                    return FIELD + " starts with " + kind.prefix + " but " + rest
                            + "; expected the whole key as the Dashboard shows it";
                }
            }
            String expected = "; expected a secret key (sk_test_… or sk_live_…) or a restricted key (rk_test_… or "
                    + "rk_live_…) from the Dashboard's API keys page";
            if (key.startsWith("pk_")) {
                return FIELD + " is a publishable key (pk_…), which is meant for browsers" + expected;
            }
            if (key.startsWith("whsec_")) {
                return FIELD + " is a webhook signing secret (whsec_…), which belongs in webhookSecrets" + expected;
            }
            return FIELD + " does not start with sk_test_, sk_live_, rk_test_ or rk_live_" + expected;
        }

        /** Stripe does not publish the alphabet; keys seen are ASCII letters and digits, underscores allowed. */
        private static boolean isKeyCharacter(int c) {
            return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
        }
    }
}
