package org.openpayloads.api.connector;

import java.util.concurrent.CompletableFuture;

/**
 * Sends a connector's HTTP requests. A connector makes every call through this, token requests
 * included, so that the runtime can put an in-process transport in place of the network.
 */
@FunctionalInterface
public interface HttpTransport {

    /**
     * Sends one call and completes with the answer, whatever its status. Completes exceptionally only
     * when no answer came: with {@link java.net.http.HttpTimeoutException} when
     * {@link HttpCall#timeout()} passed, or another {@link java.io.IOException} when the connection
     * failed.
     */
    CompletableFuture<HttpResult> send(HttpCall call);
}
