package org.openpayloads.sample.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for the part of Stripe's API the demo reads, so that polling runs on a machine with no Stripe
 * account: {@code GET /v1/charges} (newest first, {@code limit}, {@code starting_after}, {@code ending_before},
 * {@code created[gt|gte|lt|lte]}, {@code customer}, {@code expand[]=data.customer}),
 * {@code GET /v1/charges/{id}} ({@code expand[]=customer}) and {@code GET /v1/customers/{id}}, with Stripe's
 * list envelope, error form and bearer-key check. Objects come from a data file
 * ({@code {"customers": [...], "charges": [...]}}) or are made from the published charge; {@link #addCharge}
 * makes new ones over time. Stored objects are never changed by a request: an expansion works on a copy.
 * Thread-safe.
 *
 * <p>As on Stripe, {@code starting_after=<id>} answers the {@code limit} charges just older than that one and
 * {@code ending_before=<id>} the {@code limit} charges just newer than it, both newest first; {@code has_more}
 * says whether more lie beyond the page in the direction read. An unknown cursor is a 400
 * {@code resource_missing} naming the parameter, and a field that cannot be expanded a 400 naming
 * {@code expand}.
 */
public final class StripeSimulator implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LIMIT = 100;
    private static final int DEFAULT_LIMIT = 10;
    /** What a charge list can expand; a single charge takes the same field without {@code data.}. */
    private static final String LIST_CUSTOMER = "data.customer";
    private static final String CUSTOMER = "customer";

    private final HttpServer server;
    private final Clock clock;
    private final ChargeEvents events = new ChargeEvents();
    private final Map<String, ObjectNode> customers = new LinkedHashMap<>();
    /** Every charge, in the order made; lists answer newest first. */
    private final List<ObjectNode> charges = new ArrayList<>();
    private long nextCharge = 1;

    private StripeSimulator(HttpServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    /** Starts on {@code port} (0 for any free one) on the loopback address, with the given data. */
    public static StripeSimulator start(int port, JsonNode data, Clock clock) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port + "; pick a free port with --port", e);
        }
        StripeSimulator simulator = new StripeSimulator(server, clock);
        simulator.load(data);
        server.createContext("/", simulator::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "stripe-simulator");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return simulator;
    }

    /** Data made from the demo customers: {@code customers} of them, with {@code charges} charges spread over the last day. */
    public static ObjectNode demoData(int customerCount, int chargeCount, Clock clock) {
        ObjectNode data = JSON.createObjectNode();
        ArrayNode customerList = data.putArray("customers");
        for (int n = 1; n <= customerCount; n++) {
            customerList.add(customerObject(ChargeEvents.customer(n), clock.instant().getEpochSecond() - 86_400));
        }
        ArrayNode chargeList = data.putArray("charges");
        ChargeEvents events = new ChargeEvents();
        long start = clock.instant().getEpochSecond() - 86_400;
        for (int i = 1; i <= chargeCount; i++) {
            ChargeEvents.Customer customer = ChargeEvents.customer(1 + (i - 1) % customerCount);
            long created = start + (long) i * 86_400 / (chargeCount + 1);
            chargeList.add(events.charge("ch_sim_seed_" + i, customer, customer, 500L + 100L * i, "usd",
                    java.time.Instant.ofEpochSecond(created)));
        }
        return data;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Makes a new charge of customer {@code n} (a demo customer, made if missing), created at the clock's time;
     * a later charge of the same second lists before an earlier one, as on Stripe.
     *
     * @return a copy of the stored charge
     */
    public synchronized JsonNode addCharge(int n, long amount, String currency) {
        ChargeEvents.Customer customer = ChargeEvents.customer(n);
        customers.computeIfAbsent(customer.id(), id -> customerObject(customer, clock.instant().getEpochSecond()));
        ObjectNode charge = events.charge("ch_sim_" + nextCharge++ + "_" + clock.millis(), customer, customer, amount,
                currency, clock.instant());
        charges.add(charge);
        return charge.deepCopy();
    }

    /** How many charges there are. */
    public synchronized int chargeCount() {
        return charges.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void load(JsonNode data) {
        for (JsonNode customer : data.path("customers")) {
            customers.put(customer.path("id").asText(), (ObjectNode) customer);
        }
        for (JsonNode charge : data.path("charges")) {
            charges.add((ObjectNode) charge);
        }
    }

    private static ObjectNode customerObject(ChargeEvents.Customer customer, long created) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", customer.id());
        node.put("object", "customer");
        node.putObject("address").put("city", customer.city()).put("country", customer.country())
                .put("line1", customer.line1()).putNull("line2").put("postal_code", customer.postalCode())
                .put("state", customer.state());
        node.put("balance", 0);
        node.put("created", created);
        node.put("currency", "usd");
        node.put("delinquent", false);
        node.putNull("description");
        node.put("email", customer.email());
        node.put("livemode", false);
        node.putObject("metadata");
        node.put("name", customer.name());
        node.put("phone", customer.phone());
        return node;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
                    .orElse("");
            if (!authorization.startsWith("Bearer sk_test_") && !authorization.startsWith("Bearer rk_test_")) {
                error(exchange, 401, "invalid_request_error", null, "Invalid API Key provided: the simulator takes "
                        + "any test key (sk_test_...) as a bearer token", null);
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                error(exchange, 405, "invalid_request_error", null, "The simulator answers GET only", null);
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
            List<String> expand = query.getOrDefault("expand[]", List.of());
            String[] parts = path.split("/");
            if (path.equals("/v1/charges")) {
                if (expandable(exchange, expand, LIST_CUSTOMER)) {
                    list(exchange, first(query), !expand.isEmpty());
                }
            } else if (parts.length == 4 && parts[2].equals("charges")) {
                if (expandable(exchange, expand, CUSTOMER)) {
                    retrieve(exchange, "charge", find(charges, decode(parts[3])), !expand.isEmpty());
                }
            } else if (parts.length == 4 && parts[2].equals("customers")) {
                String id = decode(parts[3]);
                if (expandable(exchange, expand, null)) {
                    retrieve(exchange, "customer", new Found(id, customer(id)), false);
                }
            } else {
                error(exchange, 404, "invalid_request_error", null, "Unrecognized request URL (GET: " + path
                        + "). The simulator serves /v1/charges and /v1/customers/{id}", null);
            }
        }
    }

    private record Found(String id, @Nullable ObjectNode object) {
    }

    private synchronized Found find(List<ObjectNode> objects, String id) {
        return new Found(id, objects.stream().filter(o -> o.path("id").asText().equals(id)).findFirst().orElse(null));
    }

    private synchronized @Nullable ObjectNode customer(String id) {
        return customers.get(id);
    }

    /**
     * Whether every field of {@code expand} is {@code allowed} (null: none is); if not, Stripe's 400 is sent.
     */
    private static boolean expandable(HttpExchange exchange, List<String> expand, @Nullable String allowed)
            throws IOException {
        for (String field : expand) {
            if (!field.equals(allowed)) {
                error(exchange, 400, "invalid_request_error", null, "This property cannot be expanded (" + field
                        + ").", "expand");
                return false;
            }
        }
        return true;
    }

    /**
     * {@code charge}, or when {@code expand} a copy of it with its customer id replaced by the customer, as
     * Stripe does when the customer exists. The stored charge is never changed.
     */
    private JsonNode expanded(ObjectNode charge, boolean expand) {
        String id = charge.path(CUSTOMER).isTextual() ? charge.path(CUSTOMER).asText() : null;
        ObjectNode customer = expand && id != null ? customer(id) : null;
        if (customer == null) {
            return charge;
        }
        ObjectNode copy = charge.deepCopy();
        copy.set(CUSTOMER, customer.deepCopy());
        return copy;
    }

    private void retrieve(HttpExchange exchange, String kind, Found found, boolean expand) throws IOException {
        if (found.object() == null) {
            error(exchange, 404, "invalid_request_error", "resource_missing", "No such " + kind + ": '" + found.id()
                    + "'", "id");
            return;
        }
        send(exchange, 200, expanded(found.object(), expand));
    }

    private void list(HttpExchange exchange, Map<String, String> query, boolean expand) throws IOException {
        int limit;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", Integer.toString(DEFAULT_LIMIT)));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            error(exchange, 400, "invalid_request_error", "parameter_invalid_integer", "Invalid integer: "
                    + query.get("limit") + "; limit must be 1 to " + MAX_LIMIT, "limit");
            return;
        }
        Predicate<ObjectNode> filter = charge -> true;
        for (String bound : List.of("gt", "gte", "lt", "lte")) {
            String value = query.get("created[" + bound + "]");
            if (value != null) {
                long limitValue;
                try {
                    limitValue = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    error(exchange, 400, "invalid_request_error", "parameter_invalid_integer", "Invalid integer: "
                            + value, "created[" + bound + "]");
                    return;
                }
                filter = filter.and(charge -> compare(charge.path("created").asLong(), bound, limitValue));
            }
        }
        String customer = query.get("customer");
        if (customer != null) {
            filter = filter.and(charge -> customer.equals(charge.path("customer").asText(null)));
        }
        List<ObjectNode> newestFirst;
        synchronized (this) {
            newestFirst = new ArrayList<>(charges.stream().filter(filter).toList());
        }
        // Stripe's order: newest first, and of charges made in the same second the one made later. The sort
        // is stable, so reversing the order made first settles ties.
        java.util.Collections.reverse(newestFirst);
        newestFirst.sort(Comparator.comparingLong((ObjectNode c) -> c.path("created").asLong()).reversed());
        int from = 0;
        int to = newestFirst.size();
        String after = query.get("starting_after");
        String before = query.get("ending_before");
        if (after != null && before != null) {
            error(exchange, 400, "invalid_request_error", null, "You may only specify one of these parameters: "
                    + "ending_before, starting_after.", "ending_before");
            return;
        }
        if (after != null) {
            from = indexOf(newestFirst, after) + 1;
            if (from == 0) {
                error(exchange, 400, "invalid_request_error", "resource_missing", "No such charge: '" + after + "'",
                        "starting_after");
                return;
            }
        }
        if (before != null) {
            to = indexOf(newestFirst, before);
            if (to < 0) {
                error(exchange, 400, "invalid_request_error", "resource_missing", "No such charge: '" + before + "'",
                        "ending_before");
                return;
            }
            // The charges just newer than the cursor, still newest first.
            from = Math.max(0, to - limit);
        }
        List<ObjectNode> page = newestFirst.subList(from, Math.min(to, from + limit));
        boolean hasMore = before != null ? from > 0 : from + page.size() < to;
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("object", "list");
        ArrayNode data = envelope.putArray("data");
        page.forEach(charge -> data.add(expanded(charge, expand)));
        envelope.put("has_more", hasMore);
        envelope.put("url", "/v1/charges");
        send(exchange, 200, envelope);
    }

    private static int indexOf(List<ObjectNode> charges, String id) {
        for (int i = 0; i < charges.size(); i++) {
            if (charges.get(i).path("id").asText().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean compare(long created, String bound, long value) {
        return switch (bound) {
            case "gt" -> created > value;
            case "gte" -> created >= value;
            case "lt" -> created < value;
            default -> created <= value;
        };
    }

    /** Each parameter's values, in the order given: {@code expand[]} comes many times. */
    private static Map<String, List<String>> query(@Nullable String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** Each parameter's first value. */
    private static Map<String, String> first(Map<String, List<String>> query) {
        Map<String, String> first = new LinkedHashMap<>();
        query.forEach((name, values) -> first.put(name, values.get(0)));
        return first;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static void error(HttpExchange exchange, int status, String type, @Nullable String code, String message,
                              @Nullable String param) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        if (code != null) {
            error.put("code", code);
        }
        error.put("message", message);
        if (param != null) {
            error.put("param", param);
        }
        error.put("type", type);
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_sim_" + Long.toHexString(System.nanoTime()));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
