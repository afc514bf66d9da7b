package org.openpayloads.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.connector.ApiClient;
import org.openpayloads.api.connector.ConnectorContext;
import org.openpayloads.api.connector.HttpCall;
import org.openpayloads.api.connector.HttpResult;
import org.openpayloads.api.connector.HttpTransport;
import org.openpayloads.api.connector.JdkHttpTransport;

/**
 * One Stripe account, through the REST API: {@link #retrieve} an object, {@link #list} a collection page
 * by page, {@link #post} a create or an update. Answers are Jackson trees, as Stripe sent them. Thread-safe
 * and synchronous: each method returns when Stripe has answered, retries included.
 *
 * <p>Why the JDK's {@link HttpClient} (through {@link #defaultTransport()}) rather than stripe-java or the
 * Jersey client: connectors depend on payloads-api and Jackson only, and either would bring its own HTTP
 * stack (and stripe-java its own retry policy and hundreds of model classes); we call a handful of
 * endpoints; and we need full control over retries and idempotency keys, which a library would hide. It is
 * forced to HTTP/1.1: calls here are sequential, so HTTP/2's multiplexing gains nothing, while one lost
 * HTTP/2 connection fails every call on it at once.
 *
 * <p>Every call carries the key as a bearer token, and {@code Stripe-Version} when configured. Every POST
 * carries an {@code Idempotency-Key}, the caller's or a new UUID, the same on each retry of that call.
 * Before any call, the key's mode is checked against the environment ({@link StripeEnvironment}).
 *
 * <p>As an {@link ApiClient}, {@link #get} retrieves one object without expansions; the polling triggers
 * ({@link NewObjectsTrigger}) read lists through it.
 */
public final class StripeClient implements ApiClient {

    /** Items per page of {@link #list} unless the caller passes {@code limit}; Stripe's maximum. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    /** Stripe keeps idempotency keys of up to this many characters. */
    static final int MAX_IDEMPOTENCY_KEY = 255;

    private final StripeConfig config;
    private final ConnectorContext context;
    private final Exchange exchange;

    /** @throws org.openpayloads.api.ConfigException when the key belongs to the other environment */
    StripeClient(StripeConfig config, ConnectorContext context, Sleeper sleeper, Backoff backoff) {
        config.environment().require(config.secretKey());
        this.config = config;
        this.context = context;
        this.exchange = new Exchange(context.transport(), context.clock(), sleeper, backoff, config);
    }

    /**
     * The transport Stripe calls should use: the JDK's {@link HttpClient} on HTTP/1.1, connecting within
     * 10 s, never following redirects (which would resend the key elsewhere).
     */
    public static HttpTransport defaultTransport() {
        return new JdkHttpTransport(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /**
     * {@code template} with each {@code {…}} placeholder replaced by the next id, percent-encoded, for
     * example {@code path("/v1/customers/{id}", id)}. An id cannot add a path segment or a query.
     *
     * @throws IllegalArgumentException when an id is blank, {@code .} or {@code ..}, or the counts differ
     */
    public static String path(String template, String... ids) {
        return StripeForm.path(template, ids);
    }

    /**
     * {@code GET path}, for example {@code retrieve(path("/v1/customers/{id}", id), List.of("default_source"))}.
     *
     * @param expand the fields to expand, sent as {@code expand[]=…}; may be empty
     * @throws StripeException when Stripe refused (a missing object is a 404 {@code resource_missing})
     * @throws StripeRetriableException when Stripe stayed unavailable through every attempt
     */
    public JsonNode retrieve(String path, List<String> expand) {
        checkPath(path);
        List<StripeForm.Pair> query = new ArrayList<>();
        expand.forEach(field -> query.add(new StripeForm.Pair("expand[]", field)));
        return get(path, query);
    }

    /**
     * {@code GET path} without expansions: {@link #retrieve retrieve(path, List.of())}.
     *
     * @throws StripeException when Stripe refused (a missing object is a 404 {@code resource_missing})
     * @throws StripeRetriableException when Stripe stayed unavailable through every attempt
     */
    @Override
    public JsonNode get(String path) {
        return retrieve(path, List.of());
    }

    /**
     * Every item of a list endpoint, for example {@code list("/v1/charges", Map.of("created[gt]", "1700000000"),
     * List.of("data.customer"))}. Pages are fetched as the stream is read: the next with
     * {@code starting_after} set to the last id of the one before, while {@code has_more} is true. Given
     * {@code ending_before}, it pages backwards instead, from each page's first id.
     *
     * @param params query parameters, names in bracket notation ({@code created[gte]}); {@code limit} is the
     *     page size, {@value #DEFAULT_PAGE_SIZE} unless given
     * @param expand fields to expand in each item, with the {@code data.} prefix Stripe expects on lists
     */
    public Stream<JsonNode> list(String path, Map<String, String> params, List<String> expand) {
        checkPath(path);
        Map<String, String> base = new LinkedHashMap<>(params);
        base.putIfAbsent("limit", Integer.toString(DEFAULT_PAGE_SIZE));
        Iterator<JsonNode> items = new Pages(path, base, expand);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED
                | Spliterator.NONNULL), false);
    }

    /**
     * {@code POST path} with {@code params} form-encoded in Stripe's bracket notation (see
     * {@link StripeForm}), for example {@code post("/v1/customers", Map.of("email", "a@example.com",
     * "metadata", Map.of("order", "42")), null)}.
     *
     * @param idempotencyKey sent as {@code Idempotency-Key}; null for a new random one. Pass one derived from
     *     your own record (an order id, a job id) to make retries across restarts safe too.
     * @throws IllegalArgumentException when a parameter cannot be encoded, or the key is blank or too long
     */
    public JsonNode post(String path, Map<String, ?> params, @Nullable String idempotencyKey) {
        checkPath(path);
        String key = idempotencyKey == null ? UUID.randomUUID().toString() : checkIdempotencyKey(idempotencyKey);
        byte[] body = StripeForm.body(params).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = headers();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Idempotency-Key", key);
        HttpCall call = new HttpCall("POST", uri(path, List.of()), headers, body, config.requestTimeout());
        return json(exchange.send(call, path), "POST " + path);
    }

    /** One page of a list endpoint: its items in Stripe's order (newest first), and whether more lie beyond. */
    record ListPage(List<JsonNode> data, boolean hasMore) {

        ListPage {
            data = List.copyOf(data);
        }
    }

    /**
     * One page of a list endpoint, for callers that follow the cursors themselves.
     *
     * @param params query parameters in the order sent, cursors and {@code limit} included
     * @param expand fields to expand in each item, with the {@code data.} prefix
     * @throws MappingException when the answer is not a list
     */
    ListPage page(String path, Map<String, String> params, List<String> expand) {
        checkPath(path);
        List<StripeForm.Pair> query = new ArrayList<>();
        params.forEach((name, value) -> query.add(new StripeForm.Pair(name, value)));
        expand.forEach(field -> query.add(new StripeForm.Pair("expand[]", field)));
        JsonNode answer = get(path, query);
        JsonNode data = answer.path("data");
        if (!"list".equals(answer.path("object").asText()) || !data.isArray()) {
            throw new MappingException("Stripe answered GET " + path + " with " + answer.path("object").asText("no")
                    + " object; expected a list ({\"object\": \"list\", \"data\": [...]})");
        }
        List<JsonNode> items = new ArrayList<>(data.size());
        data.forEach(items::add);
        return new ListPage(items, answer.path("has_more").asBoolean(false));
    }

    /** The connector context's clock. */
    Clock clock() {
        return context.clock();
    }

    /** Tells the connector context's listener; {@code message} must hold no secret. */
    void warn(String message) {
        context.listener().warn(config.redact(message));
    }

    /** How many requests were sent, retries included. */
    public long callCount() {
        return exchange.calls();
    }

    public StripeEnvironment environment() {
        return config.environment();
    }

    @Override
    public String toString() {
        return "StripeClient[" + config.apiBase() + ", environment=" + config.environment() + ", secretKey=[hidden]"
                + ", calls=" + callCount() + "]";
    }

    private JsonNode get(String path, List<StripeForm.Pair> query) {
        HttpCall call = new HttpCall("GET", uri(path, query), headers(), new byte[0], config.requestTimeout());
        return json(exchange.send(call, path), "GET " + path);
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + config.secretKey());
        headers.put("Accept", "application/json");
        headers.put("User-Agent", "OpenPayloads-connector-stripe");
        if (config.stripeVersion() != null) {
            headers.put("Stripe-Version", config.stripeVersion());
        }
        return headers;
    }

    private URI uri(String path, List<StripeForm.Pair> query) {
        return URI.create(config.apiBase() + path + (query.isEmpty() ? "" : "?" + StripeForm.query(query)));
    }

    private JsonNode json(HttpResult result, String what) {
        return Json.parse(result.body()).orElseThrow(() -> new MappingException("Stripe answered " + result.status()
                + " on " + what + " with a body that is not JSON (" + result.body().length + " bytes, Content-Type "
                + result.header("Content-Type").orElse("none") + "); expected a JSON object"));
    }

    private static void checkPath(String path) {
        if (!path.startsWith("/") || path.startsWith("//") || path.contains("?") || path.contains("#")
                || path.chars().anyMatch(c -> c <= ' ' || c == 0x7f) || path.contains("/../") || path.endsWith("/..")) {
            throw new IllegalArgumentException("Stripe path was '" + path + "'; expected an absolute path without "
                    + "query, spaces or '..', such as /v1/customers (build ids in with StripeClient.path)");
        }
    }

    private static String checkIdempotencyKey(String key) {
        if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY || !key.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new IllegalArgumentException("Idempotency key '" + key + "' is not usable; expected 1 to "
                    + MAX_IDEMPOTENCY_KEY + " visible ASCII characters, such as a UUID or an order id");
        }
        return key;
    }

    /** The items of a list, page by page, fetched when the one before is used up. */
    private final class Pages implements Iterator<JsonNode> {

        private final String path;
        private final Map<String, String> params;
        private final List<String> expand;
        private final boolean backwards;
        private final Deque<JsonNode> page = new ArrayDeque<>();
        private @Nullable String cursor;
        private boolean more = true;
        private int pages;

        Pages(String path, Map<String, String> params, List<String> expand) {
            this.path = path;
            this.backwards = params.containsKey("ending_before");
            this.cursor = params.remove(backwards ? "ending_before" : "starting_after");
            this.params = params;
            this.expand = List.copyOf(expand);
        }

        @Override
        public boolean hasNext() {
            while (page.isEmpty() && more) {
                fetch();
            }
            return !page.isEmpty();
        }

        @Override
        public JsonNode next() {
            if (!hasNext()) {
                throw new NoSuchElementException("No more items in " + path + " after " + pages + " pages");
            }
            return page.removeFirst();
        }

        private void fetch() {
            Map<String, String> query = new LinkedHashMap<>(params);
            if (cursor != null) {
                query.put(backwards ? "ending_before" : "starting_after", cursor);
            }
            ListPage answer = page(path, query, expand);
            pages++;
            List<JsonNode> data = answer.data();
            page.addAll(data);
            more = answer.hasMore();
            if (more) {
                JsonNode edge = data.isEmpty() ? null : data.get(backwards ? 0 : data.size() - 1);
                String id = edge == null ? "" : edge.path("id").asText("");
                if (id.isEmpty()) {
                    throw new MappingException("Stripe answered GET " + path + " with has_more true but page " + pages
                            + " has " + (edge == null ? "no items" : "an item without an id") + "; expected an id to "
                            + "continue from");
                }
                cursor = id;
            }
        }
    }
}
