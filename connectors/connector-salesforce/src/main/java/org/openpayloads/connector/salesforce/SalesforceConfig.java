package org.openpayloads.connector.salesforce;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One connection's settings, typed. Made from values {@link SalesforceConnector#validate} accepted, so
 * nothing here is re-checked. {@link #toString()} hides the secrets.
 */
record SalesforceConfig(URI loginUrl, Flow flow, String clientId, @Nullable String username, String apiVersion,
                        @Nullable String clientSecret, @Nullable PrivateKey privateKey, @Nullable String password,
                        int batchSize, Duration linger, int maxRetries, Duration retryBase, Duration requestTimeout,
                        int limitWarnPercent, int maxQueryRecords) {

    /** From validated values with defaults filled in. */
    static SalesforceConfig from(Map<String, String> values) {
        String pem = values.get(SalesforceConnector.PRIVATE_KEY);
        return new SalesforceConfig(
                URI.create(stripSlash(values.get(SalesforceConnector.LOGIN_URL).trim())),
                Flow.valueOf(values.get(SalesforceConnector.FLOW)),
                values.get(SalesforceConnector.CLIENT_ID).trim(),
                trimmed(values.get(SalesforceConnector.USERNAME)),
                values.get(SalesforceConnector.API_VERSION).trim(),
                values.get(SalesforceConnector.CLIENT_SECRET),
                pem == null ? null : PrivateKeys.parsePem(pem),
                values.get(SalesforceConnector.PASSWORD),
                integer(values, SalesforceConnector.BATCH_SIZE),
                Duration.ofMillis(integer(values, SalesforceConnector.LINGER_MILLIS)),
                integer(values, SalesforceConnector.MAX_RETRIES),
                Duration.ofMillis(integer(values, SalesforceConnector.RETRY_BASE_MILLIS)),
                Duration.ofSeconds(integer(values, SalesforceConnector.REQUEST_TIMEOUT_SECONDS)),
                integer(values, SalesforceConnector.LIMIT_WARN_PERCENT),
                integer(values, SalesforceConnector.MAX_QUERY_RECORDS));
    }

    URI tokenUri() {
        return URI.create(loginUrl + "/services/oauth2/token");
    }

    /** The root of the versioned REST API on the instance, for example {@code /services/data/v62.0}. */
    String dataPath() {
        return "/services/data/v" + apiVersion;
    }

    /**
     * {@code text} with every secret value replaced by {@code [hidden]}. Applied to whatever the peer
     * says before it reaches a message, because a peer may echo what it was sent.
     */
    String redact(String text) {
        String result = text;
        for (String secret : secretValues()) {
            result = result.replace(secret, "[hidden]");
        }
        return result;
    }

    /** The secrets that cross the wire, as typed and as form-encoded (a peer may echo either). */
    private List<String> secretValues() {
        List<String> secrets = new ArrayList<>(4);
        for (String secret : new String[] {clientSecret, password}) {
            if (secret != null && !secret.isBlank()) {
                secrets.add(secret);
                secrets.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            }
        }
        return secrets;
    }

    @Override
    public String toString() {
        return "SalesforceConfig[loginUrl=" + loginUrl + ", flow=" + flow + ", clientId=" + clientId + ", username="
                + username + ", apiVersion=" + apiVersion + ", clientSecret=" + hidden(clientSecret) + ", privateKey="
                + hidden(privateKey) + ", password=" + hidden(password) + ", batchSize=" + batchSize + ", linger="
                + linger + ", maxRetries=" + maxRetries + ", retryBase=" + retryBase + ", requestTimeout="
                + requestTimeout + ", limitWarnPercent=" + limitWarnPercent + ", maxQueryRecords=" + maxQueryRecords
                + "]";
    }

    private static String hidden(@Nullable Object secret) {
        return secret == null ? "(none)" : "[hidden]";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static @Nullable String trimmed(@Nullable String value) {
        return value == null ? null : value.trim();
    }

    private static int integer(Map<String, String> values, String key) {
        return Integer.parseInt(values.get(key).trim());
    }
}
