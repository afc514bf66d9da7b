package org.openpayloads.api.connector;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The default transport, on the JDK's {@link HttpClient}.
 *
 * <p>Why this client: it adds no dependency to the connector (the SPI promises JDK and Jackson only);
 * it speaks HTTP/1.1 and HTTP/2, so one connection carries many concurrent requests to an org; and
 * {@code sendAsync} fits the client's non-blocking batching, where a scheduler thread must never wait
 * on a socket. A vendor SDK (a stripe-java-like Salesforce library) would bring its own HTTP stack,
 * retry policy and model classes that fight ours; the Jersey client would tie a connector to the web
 * layer's JAX-RS stack, which the module rules keep out of connectors.
 */
public final class JdkHttpTransport implements HttpTransport {

    private final HttpClient client;

    /** Connects within 10 s; never follows redirects, which would resend a bearer token elsewhere. */
    public JdkHttpTransport() {
        this(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    public JdkHttpTransport(HttpClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<HttpResult> send(HttpCall call) {
        HttpRequest request;
        try {
            request = request(call);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> new HttpResult(response.statusCode(), headers(response.headers()), response.body()));
    }

    private static HttpRequest request(HttpCall call) {
        byte[] body = call.body();
        HttpRequest.Builder builder = HttpRequest.newBuilder(call.uri())
                .timeout(call.timeout())
                .method(call.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if ("http".equalsIgnoreCase(call.uri().getScheme())) {
            // Without TLS there is no ALPN; HTTP/2 would mean an h2c upgrade round trip that few servers want.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        call.headers().forEach(builder::header);
        return builder.build();
    }

    /** One value per name; repeated headers are joined with commas, as RFC 9110 allows. */
    private static Map<String, String> headers(HttpHeaders headers) {
        Map<String, String> single = new LinkedHashMap<>();
        headers.map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                single.put(name, String.join(", ", values));
            }
        });
        return single;
    }
}
