package org.openpayloads.connector.salesforce;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.RetriableException;
import org.openpayloads.api.connector.HttpCall;
import org.openpayloads.api.connector.HttpResult;
import org.openpayloads.api.records.RecordError;

/**
 * Authenticated calls to the org's REST API. Adds the bearer token, refreshes it once when the API
 * answers 401, reports API usage, and turns the answers no caller can act on into exceptions: the daily
 * request limit and server errors. Everything else, 4xx included, goes back to the caller.
 */
final class OrgApi {

    /**
     * After the daily limit is hit, look again in an hour. The limit counts a rolling 24 hours, so room
     * comes back only as the calls of a day ago age out; retrying within seconds would fail again and
     * keep the org pinned at its limit.
     */
    static final Duration DAILY_LIMIT_RETRY_AFTER = Duration.ofHours(1);

    /** The concurrent long-request limit clears as soon as a running request ends. */
    static final Duration CONCURRENT_LIMIT_RETRY_AFTER = Duration.ofMinutes(1);

    private final SalesforceConfig config;
    private final TokenSource tokens;
    private final Exchange exchange;
    private final LimitWatcher limits;

    OrgApi(SalesforceConfig config, TokenSource tokens, Exchange exchange, LimitWatcher limits) {
        this.config = config;
        this.tokens = tokens;
        this.exchange = exchange;
        this.limits = limits;
    }

    /** {@code rest} under the versioned API root, for example {@code data("/sobjects/Account")}. */
    String data(String rest) {
        return config.dataPath() + rest;
    }

    CompletableFuture<HttpResult> get(String path) {
        return call("GET", path, null);
    }

    /**
     * One call to {@code path} (absolute on the instance, already encoded), with a JSON body or none.
     */
    CompletableFuture<HttpResult> call(String method, String path, @Nullable Object jsonBody) {
        byte[] body = jsonBody == null ? new byte[0] : Json.bytes(jsonBody);
        return tokens.current()
                .thenCompose(token -> once(token, method, path, body).thenCompose(result -> result.status() != 401
                        ? CompletableFuture.completedFuture(result)
                        : tokens.refresh(token).thenCompose(fresh -> once(fresh, method, path, body))
                                .thenApply(second -> refusedTwice(method, path, second))))
                .thenApply(result -> unavoidable(method, path, result));
    }

    private CompletableFuture<HttpResult> once(TokenSource.Token token, String method, String path, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token.accessToken());
        headers.put("Accept", "application/json");
        if (body.length > 0) {
            headers.put("Content-Type", "application/json");
        }
        HttpCall call = new HttpCall(method, URI.create(token.instanceUrl() + path), headers, body,
                config.requestTimeout());
        return exchange.send(call).thenApply(result -> {
            limits.observe(token.instanceUrl().toString(), result);
            return result;
        });
    }

    private HttpResult refusedTwice(String method, String path, HttpResult second) {
        if (second.status() != 401) {
            return second;
        }
        String said = SalesforceErrors.summary(SalesforceErrors.of(second, config::redact));
        throw new ConfigException(SalesforceConnector.CLIENT_ID, "Salesforce refused a freshly issued access token for "
                + method + " " + pathOnly(path) + " (" + said + "); check that the connected app '" + config.clientId()
                + "' has the 'api' OAuth scope and that its user may use the API");
    }

    private HttpResult unavoidable(String method, String path, HttpResult result) {
        if (result.status() == 403) {
            List<RecordError> errors = SalesforceErrors.of(result, config::redact);
            if (SalesforceErrors.has(errors, SalesforceErrors.REQUEST_LIMIT_EXCEEDED)) {
                String said = SalesforceErrors.summary(errors);
                Duration wait = said.contains("Concurrent") ? CONCURRENT_LIMIT_RETRY_AFTER : DAILY_LIMIT_RETRY_AFTER;
                throw new RetriableException("Salesforce refused " + method + " " + pathOnly(path)
                        + " because the org is over its API request limit (" + said + "); retry after "
                        + wait.toMinutes() + " min", wait);
            }
        }
        if (result.status() >= 500) {
            throw new RetriableException("Salesforce answered " + result.status() + " to " + method + " "
                    + pathOnly(path) + ": " + SalesforceErrors.summary(SalesforceErrors.of(result, config::redact)));
        }
        return result;
    }

    /** The path without its query, which may hold a SOQL query's data. */
    private static String pathOnly(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
