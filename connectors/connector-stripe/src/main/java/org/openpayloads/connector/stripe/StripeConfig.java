package org.openpayloads.connector.stripe;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One connection's settings, typed. Made from values {@link StripeConnector#validate} accepted; the
 * environment guard is applied again by the client. {@link #toString()} hides the secrets.
 *
 * @param apiBase scheme and host (and port), without a trailing slash
 * @param stripeVersion the {@code Stripe-Version} header, or null for the account's default version
 */
record StripeConfig(URI apiBase, String secretKey, List<String> webhookSecrets, StripeEnvironment environment,
                    int maxAttempts, @Nullable String stripeVersion, Duration requestTimeout) {

    StripeConfig {
        Objects.requireNonNull(apiBase, "apiBase");
        secretKey = secretKey.strip();
        webhookSecrets = List.copyOf(webhookSecrets);
        Objects.requireNonNull(environment, "environment");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts was " + maxAttempts + "; expected 1 or more");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout was " + requestTimeout + "; expected a positive duration");
        }
    }

    /** From validated values with defaults filled in. */
    static StripeConfig from(Map<String, String> values) {
        String base = values.get(StripeConnector.API_BASE).strip();
        String version = values.get(StripeConnector.STRIPE_VERSION);
        return new StripeConfig(
                URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base),
                values.get(StripeConnector.SECRET_KEY),
                webhookSecrets(values.getOrDefault(StripeConnector.WEBHOOK_SECRETS, "")),
                StripeEnvironment.valueOf(values.get(StripeConnector.ENVIRONMENT).strip()),
                Integer.parseInt(values.get(StripeConnector.MAX_ATTEMPTS).strip()),
                version == null || version.isBlank() ? null : version.strip(),
                Duration.ofSeconds(Integer.parseInt(values.get(StripeConnector.REQUEST_TIMEOUT_SECONDS).strip())));
    }

    /** The comma-separated list, each item stripped; blank items are kept so that validation can count them. */
    static List<String> split(String list) {
        List<String> items = new ArrayList<>();
        for (String item : list.split(",", -1)) {
            items.add(item.strip());
        }
        return items;
    }

    private static List<String> webhookSecrets(String list) {
        return list.isBlank() ? List.of() : split(list).stream().filter(s -> !s.isEmpty()).toList();
    }

    /**
     * {@code text} with every secret replaced by {@code [hidden]}. Applied to whatever the peer says before
     * it reaches a message, because a peer (or a proxy in front of it) may echo what it was sent.
     */
    String redact(String text) {
        String result = text;
        for (String secret : secrets()) {
            result = result.replace(secret, "[hidden]");
        }
        return result;
    }

    private List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        for (String secret : webhookSecrets) {
            secrets.add(secret);
            secrets.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
        secrets.add(secretKey);
        // Longest first, so that a secret that contains another is hidden whole.
        return secrets.stream().filter(s -> !s.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    @Override
    public String toString() {
        return "StripeConfig[apiBase=" + apiBase + ", secretKey=[hidden], webhookSecrets=" + webhookSecrets.size()
                + " [hidden], environment=" + environment + ", maxAttempts=" + maxAttempts + ", stripeVersion="
                + (stripeVersion == null ? "(account default)" : stripeVersion) + ", requestTimeout=" + requestTimeout
                + "]";
    }
}
