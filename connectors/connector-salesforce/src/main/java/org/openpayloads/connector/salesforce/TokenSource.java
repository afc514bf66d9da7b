package org.openpayloads.connector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.PayloadsException;
import org.openpayloads.api.RetriableException;
import org.openpayloads.api.connector.HttpCall;
import org.openpayloads.api.connector.HttpResult;

/**
 * Gets and caches the access token. Salesforce's token responses carry no expiry for these flows, so a
 * token is kept until the API refuses it; then one refresh serves every caller that saw the refusal.
 */
final class TokenSource {

    /** An access token and the instance it works on. {@link #toString()} hides the token. */
    record Token(String accessToken, URI instanceUrl) {
        @Override
        public String toString() {
            return "Token[" + instanceUrl + ", [hidden]]";
        }
    }

    private final SalesforceConfig config;
    private final Exchange exchange;
    private final Clock clock;
    private @Nullable CompletableFuture<Token> current;

    TokenSource(SalesforceConfig config, Exchange exchange, Clock clock) {
        this.config = config;
        this.exchange = exchange;
        this.clock = clock;
    }

    /** The cached token, or a new one when there is none or the last attempt failed. */
    synchronized CompletableFuture<Token> current() {
        if (current == null || current.isCompletedExceptionally()) {
            current = fetch();
        }
        return current;
    }

    /** A token other than {@code refused}: the one another caller already fetched, or a new one. */
    synchronized CompletableFuture<Token> refresh(Token refused) {
        boolean stillCurrent = current != null && current.isDone() && !current.isCompletedExceptionally()
                && current.join().equals(refused);
        if (current == null || stillCurrent || current.isCompletedExceptionally()) {
            current = fetch();
        }
        return current;
    }

    private CompletableFuture<Token> fetch() {
        HttpCall call = new HttpCall("POST", config.tokenUri(), Map.of(
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"),
                form(grant()).getBytes(StandardCharsets.UTF_8), config.requestTimeout());
        return exchange.send(call).thenApply(this::token);
    }

    private Map<String, String> grant() {
        Map<String, String> form = new LinkedHashMap<>();
        switch (config.flow()) {
            case CLIENT_CREDENTIALS -> {
                form.put("grant_type", "client_credentials");
                form.put("client_id", config.clientId());
                form.put("client_secret", Objects.requireNonNull(config.clientSecret(), "clientSecret"));
            }
            case JWT -> {
                form.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
                form.put("assertion", JwtAssertion.sign(config.clientId(),
                        Objects.requireNonNull(config.username(), "username"), config.loginUrl().toString(),
                        Objects.requireNonNull(config.privateKey(), "privateKey"), clock.instant()));
            }
            case PASSWORD -> {
                form.put("grant_type", "password");
                form.put("client_id", config.clientId());
                if (config.clientSecret() != null) {
                    form.put("client_secret", config.clientSecret());
                }
                form.put("username", Objects.requireNonNull(config.username(), "username"));
                form.put("password", Objects.requireNonNull(config.password(), "password"));
            }
        }
        return form;
    }

    private Token token(HttpResult result) {
        JsonNode body = Json.tree(result.body());
        if (result.isSuccess()) {
            String accessToken = Json.text(body, "access_token");
            String instanceUrl = Json.text(body, "instance_url");
            if (accessToken == null || instanceUrl == null) {
                throw new PayloadsException("The token response from " + config.tokenUri() + " had no "
                        + (accessToken == null ? "access_token" : "instance_url") + "; expected both");
            }
            return new Token(accessToken, URI.create(instanceUrl.endsWith("/")
                    ? instanceUrl.substring(0, instanceUrl.length() - 1) : instanceUrl));
        }
        String error = Json.text(body, "error");
        String description = Json.text(body, "error_description");
        String said = error != null ? error + (description == null ? "" : " (" + config.redact(description) + ")")
                : SalesforceErrors.summary(SalesforceErrors.of(result, config::redact));
        if (result.status() >= 500) {
            throw new RetriableException("The Salesforce login at " + config.tokenUri() + " failed with "
                    + result.status() + ": " + said);
        }
        List<String> fields = blamed(error == null ? "" : error);
        String message = "Salesforce refused the " + config.flow() + " login at " + config.tokenUri() + " with "
                + result.status() + ": " + said + "; check " + String.join(" and ", fields);
        throw new ConfigException(fields.stream().map(f -> new FieldError(f, message)).collect(Collectors.toList()));
    }

    /** The options most likely wrong, from the OAuth error code. */
    private List<String> blamed(String error) {
        return switch (error) {
            case "invalid_client_id" -> List.of(SalesforceConnector.CLIENT_ID);
            case "invalid_client" -> config.flow() == Flow.JWT ? List.of(SalesforceConnector.CLIENT_ID)
                    : List.of(SalesforceConnector.CLIENT_ID, SalesforceConnector.CLIENT_SECRET);
            case "unsupported_grant_type" -> List.of(SalesforceConnector.FLOW);
            default -> config.flow().credentialFields();
        };
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
