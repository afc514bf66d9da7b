package org.openpayloads.server;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
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
final class InProcessTransport implements HttpTransport {

    private final EmbeddedOrg org;
    private final String baseUrl;

    /** @param baseUrl the server's own URL, which the org puts in instance URLs and record URLs */
    InProcessTransport(EmbeddedOrg org, String baseUrl) {
        this.org = org;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public CompletableFuture<HttpResult> send(HttpCall call) {
        URI uri = call.uri();
        OrgResponse response = org.handle(new OrgRequest(call.method(), uri.getRawPath(), uri.getRawQuery(),
                call.headers(), call.body(), baseUrl));
        return CompletableFuture.completedFuture(new HttpResult(response.status(), response.headers(),
                response.body()));
    }
}
