package org.openpayloads.server;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.openpayloads.api.connector.HttpCall;
import org.openpayloads.api.connector.HttpResult;
import org.openpayloads.api.connector.HttpTransport;
import org.openpayloads.org.EmbeddedOrg;
import org.openpayloads.org.OrgRequest;
import org.openpayloads.org.OrgResponse;

/**
 * Carries the Salesforce connector's requests to the embedded org without a socket: the same requests
 * and answers as over HTTP, handled by the org's one dispatcher. The connector cannot tell the
 * difference, which is the point.
 */
final class InProcessTransport implements HttpTransport, AutoCloseable {

    /** Calls in flight at once, like the connections of an HTTP client: one per database connection or so. */
    private static final int CONCURRENCY = 4;

    private final EmbeddedOrg org;
    private final String baseUrl;
    // The connector's scheduler thread hands a batch over and moves on, as it would with HTTP.
    private final ExecutorService workers = Executors.newFixedThreadPool(CONCURRENCY, task -> {
        Thread thread = new Thread(task, "embedded-org-call");
        thread.setDaemon(true);
        return thread;
    });

    /** @param baseUrl the server's own URL, which the org puts in instance URLs and record URLs */
    InProcessTransport(EmbeddedOrg org, String baseUrl) {
        this.org = org;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public CompletableFuture<HttpResult> send(HttpCall call) {
        URI uri = call.uri();
        OrgRequest request = new OrgRequest(call.method(), uri.getRawPath(), uri.getRawQuery(), call.headers(),
                call.body(), baseUrl);
        return CompletableFuture.supplyAsync(() -> {
            OrgResponse response = org.handle(request);
            return new HttpResult(response.status(), response.headers(), response.body());
        }, workers);
    }

    @Override
    public void close() {
        workers.shutdown();
    }
}
