package org.openpayloads.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openpayloads.server.InboundProcesses.Event;
import org.openpayloads.server.InboundProcesses.Node;
import org.openpayloads.server.InboundProcesses.StripeWebhooks;
import org.openpayloads.server.InboundProcesses.Tables;
import org.openpayloads.testkit.TestDatabase;

/**
 * A few thousand hostile or broken requests to the inbound endpoint, made from a fixed seed: bodies that are not
 * JSON, truncated, too deep, empty or over 5 MB; signatures missing, forged, stale or for another body; content
 * types, Accept headers, methods, paths and modes that are wrong; garbage headers on all of them. Each gets the 4xx
 * its one fault deserves, in the JSON error form, the server stays healthy, and none becomes a job.
 *
 * <p>Well-formed JSON of the wrong shape is sent unsigned only: signed by the holder of the secret it is a valid
 * delivery, which the endpoint stores (it does not check element types) and whose job then fails; the second test
 * shows that, and what becomes of an event whose id or customer holds a NUL character.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundFuzzTest {

    /**
     * Headers past the HTTP layer's 64 KB limit: refused by Grizzly before any application code runs, with a
     * bare 400 or a closed connection, so without the JSON error body (the one exception to it, documented in
     * docs/operations.md). Never a 5xx, never stored.
     */
    private static final String TRANSPORT_LIMIT = "header over the HTTP layer's limit";

    private static final long SEED = 20_261_126L;
    private static final int REQUESTS = 3_000;
    private static final int CONNECTIONS = 4;
    private static final int HEALTH_EVERY = 100;
    private static final int MAX_BODY = 5 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
    private Node node;
    private Tables tables;

    @BeforeAll
    void startTheServer() {
        node = Node.start("server", database, InboundProcesses.workDirectory("InboundFuzzTest"));
        InboundProcesses.configureStripe(node, true);
        tables = new Tables(database);
    }

    @AfterAll
    void stopTheServer() {
        try {
            if (node != null) {
                node.close();
            }
        } finally {
            database.close();
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void everyBadRequestGetsItsJson4xxTheServerStaysUpAndNothingIsStored() throws Exception {
        long jobsBefore = tables.count("SELECT COUNT(*) FROM job");
        List<Case> cases = new Cases(new Random(SEED)).make(REQUESTS);
        List<String> health = new ArrayList<>();
        long started = System.nanoTime();
        String[] outcomes = sendAll(cases, health);
        System.out.printf("%d requests in %.1f s; by category: %s%n", cases.size(),
                InboundProcesses.seconds(started), InboundProcesses.tally(cases.stream().map(Case::category).toList()));

        Map<String, List<String>> violations = new TreeMap<>();
        for (int i = 0; i < cases.size(); i++) {
            if (outcomes[i] != null) {
                violations.computeIfAbsent(cases.get(i).category(), c -> new ArrayList<>()).add(outcomes[i]);
            }
        }
        StringBuilder summary = new StringBuilder();
        violations.forEach((category, problems) -> summary.append("\n").append(category).append(": ")
                .append(problems.size()).append(" wrong, first: ").append(problems.get(0)));
        assertThat(violations.keySet()).as("requests answered other than expected, by category:" + summary)
                .isEmpty();
        assertThat(health).as("GET /health during the run").isEmpty();
        assertThat(healthProblem(InboundProcesses.Sender.newConnection())).as("GET /health at the end").isNull();
        assertThat(node.isAlive()).isTrue();
        assertThat(tables.count("SELECT COUNT(*) FROM job") - jobsBefore).as("jobs stored from bad requests")
                .isZero();
        assertThat(node.logLines("Unexpected error")).as("unexpected errors in the server log").isEmpty();
    }

    /**
     * Sends the cases from {@value #CONNECTIONS} connections, checking {@code /health} every {@value #HEALTH_EVERY}
     * requests; adds what was wrong with it to {@code health}.
     *
     * @return for each case, null when its answer was right, else what was wrong
     */
    private String[] sendAll(List<Case> cases, List<String> health) throws Exception {
        String[] outcomes = new String[cases.size()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < CONNECTIONS; t++) {
                running.add(threads.submit(() -> {
                    HttpClient connection = InboundProcesses.Sender.newConnection();
                    for (int i = next.getAndIncrement(); i < cases.size(); i = next.getAndIncrement()) {
                        outcomes[i] = check(connection, cases.get(i));
                        String down = i % HEALTH_EVERY == 0 ? healthProblem(connection) : null;
                        if (down != null) {
                            synchronized (health) {
                                health.add("after request " + i + ": " + down);
                            }
                        }
                    }
                }));
            }
            for (Future<?> thread : running) {
                thread.get(150, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        return outcomes;
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aSignedOddEventIsStoredAndItsJobEndsOnItsFirstAttempt() throws Exception {
        String event = new String(new StripeWebhooks("odd").event(0, 1).body(), StandardCharsets.UTF_8);
        Map<String, String> expected = new LinkedHashMap<>();
        for (String shape : List.of("null", "42", "true", "\"evt_string\"", "[1,2,3]", "{}",
                "{\"id\":{\"nested\":1},\"data\":\"not an object\"}", "{\"id\":[\"a\"],\"data\":{\"object\":[]}}",
                "{\"id\":\"evt_shape_1\",\"data\":{\"object\":{\"customer\":null}}}",
                "{\"id\":\"evt_shape_2\",\"data\":{\"object\":{\"customer\":\"\"}}}")) {
            expected.put(shape, "FAILED");
        }
        // A NUL in the event id: the dedupe key is stored as its hash, and the customer's Account is upserted.
        String nulId = event.replaceFirst("\"evt_", "\"evt_\\\\u0000");
        expected.put(nulId, "COMPLETED");
        // A NUL in the customer id, which the org cannot store: the record fails, and no retry can help.
        expected.put(event.replaceFirst("\"evt_odd_0000000", "\"evt_odd_nul").replaceFirst("\"cus_", "\"cus_\\\\u0000"),
                "FAILED");

        HttpClient connection = InboundProcesses.Sender.newConnection();
        Map<Long, String> jobs = new LinkedHashMap<>();
        for (Map.Entry<String, String> odd : expected.entrySet()) {
            HttpResponse<String> response = postSigned(connection, odd.getKey());
            assertThat(response.statusCode()).as("a signed, well-formed body is a delivery to store: " + shorten(
                    odd.getKey()) + " -> " + response.body()).isEqualTo(202);
            jobs.put(JSON.readTree(response.body()).path("jobId").asLong(), odd.getValue());
        }
        HttpResponse<String> again = postSigned(connection, nulId);
        assertThat(again.statusCode()).as("the NUL-id event again: " + again.body()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("duplicate").asBoolean()).isTrue();

        String ids = jobs.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (tables.count("SELECT COUNT(*) FROM job WHERE id IN (" + ids + ") AND status IN ('QUEUED', 'RUNNING')")
                > 0 && System.nanoTime() < deadline) {
            InboundProcesses.sleep(Duration.ofMillis(200));
        }
        List<String> wrong = new ArrayList<>();
        jobs.forEach((id, status) -> wrong.addAll(tables.rows("SELECT id, status, attempts, dedupe_key, error FROM job "
                + "WHERE id = " + id + " AND NOT (status = '" + status + "' AND attempts = 1)", 1).stream()
                .map(row -> row + "; expected " + status + " after one attempt").toList()));
        assertThat(wrong).as("jobs of odd events that did not end as expected on their first attempt").isEmpty();
    }

    private HttpResponse<String> postSigned(HttpClient connection, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return connection.send(post(InboundProcesses.ENDPOINT).header("Content-Type", "application/json")
                .header(StripeWebhooks.SIGNATURE_HEADER, StripeWebhooks.signNow(bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Null when the answer is what the case expects, else what was wrong with it. */
    private @Nullable String check(HttpClient connection, Case c) {
        HttpResponse<String> response;
        try {
            response = connection.send(c.request(node.port()), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // The HTTP layer may also just close a connection whose headers pass its limit mid-read.
            return c.category().equals(TRANSPORT_LIMIT) ? null : c + ": no answer (" + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return c + ": interrupted";
        }
        int status = response.statusCode();
        String answer = status + " " + shorten(response.body());
        if (!c.expected().contains(status)) {
            return c + ": " + answer + "; expected " + c.expected();
        }
        if (c.category().equals(TRANSPORT_LIMIT)) {
            // Refused by Grizzly while it reads the headers, before any application code: a bare 400.
            return null;
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            return c + ": " + answer + " with Content-Type " + response.headers().firstValue("Content-Type")
                    .orElse("(none)") + "; expected the JSON error form";
        }
        try {
            JsonNode error = JSON.readTree(response.body()).path("error");
            boolean shaped = error.path("code").isTextual() && !error.path("code").asText().isBlank()
                    && error.path("message").isTextual() && !error.path("message").asText().isBlank()
                    && error.path("fields").isArray();
            return shaped ? null : c + ": " + answer + "; expected {\"error\":{\"code\",\"message\",\"fields\"}}";
        } catch (IOException e) {
            return c + ": " + answer + "; the body is not JSON";
        }
    }

    private @Nullable String healthProblem(HttpClient connection) {
        try {
            HttpResponse<String> response = connection.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + node.port() + "/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean up = response.statusCode() == 200
                    && "UP".equals(JSON.readTree(response.body()).path("status").asText());
            return up ? null : response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                .timeout(Duration.ofSeconds(30));
    }

    private static String shorten(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /**
     * One request and the statuses it may get. The body is made when the request is sent, so that the largest
     * ones do not all sit in memory; the signature too, so that its timestamp is fresh.
     */
    private record Case(int index, String category, String description, String method, String path,
                        Map<String, String> headers, Supplier<byte[]> body, boolean chunked,
                        @Nullable Function<byte[], String> signature, Set<Integer> expected) {

        HttpRequest request(int port) {
            byte[] bytes = body.get();
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30));
            headers.forEach(builder::header);
            if (signature != null) {
                builder.header(StripeWebhooks.SIGNATURE_HEADER, signature.apply(bytes));
            }
            HttpRequest.BodyPublisher publisher = chunked
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                    : bytes.length == 0 && !method.equals("POST") ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(bytes);
            return builder.method(method, publisher).build();
        }

        @Override
        public String toString() {
            return "#" + index + " " + description + " (" + method + " " + shorten(path) + ")";
        }
    }

    /** Makes the cases from one {@link Random}: the same seed, the same requests. */
    private static final class Cases {

        private static final String JSON_TYPE = "application/json";
        private static final List<String> GOOD_TYPES = List.of(JSON_TYPE, "application/json; charset=utf-8",
                "application/json;charset=UTF-8", "application/vnd.stripe+json");
        private static final List<String> WRONG_TYPES = List.of("text/plain", "text/html", "application/xml",
                "text/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz",
                "application/octet-stream", "image/png", "application/jsonx", "application/json-patch",
                "text/json+", "application/x-json-stream");
        /** Content types that do not parse as media types. */
        private static final List<String> MALFORMED_TYPES = List.of("garbage", "application/json;;;=", "json",
                "/", "application/json; charset", "application/json; =utf-8");
        private static final List<String> GOOD_ACCEPTS = List.of("*/*", JSON_TYPE, "application/*",
                "application/json, text/plain;q=0.5", "text/plain;q=0.1, */*;q=0.2");
        private static final List<String> WRONG_SHAPES = List.of("null", "42", "true", "\"evt\"", "[]", "[{}]",
                "{}", "{\"id\":{\"a\":1}}", "{\"id\":[1,2],\"data\":\"x\"}", "{\"data\":{\"object\":[]}}",
                "{\"id\":1e400,\"data\":{\"object\":{\"customer\":{\"id\":\"cus_x\"}}}}");

        private final Random random;
        private final StripeWebhooks webhooks = new StripeWebhooks("fuzz");
        private int index;

        Cases(Random random) {
            this.random = random;
        }

        List<Case> make(int count) {
            List<Case> cases = new ArrayList<>(count);
            for (index = 0; index < count; index++) {
                cases.add(next());
            }
            return cases;
        }

        private Case next() {
            int dice = random.nextInt(1000);
            if (dice < 200) {
                return badSignature();
            }
            if (dice < 400) {
                return badBody();
            }
            if (dice < 480) {
                return wrongShapeUnsigned();
            }
            if (dice < 600) {
                return signed("wrong content type", pick(WRONG_TYPES), Set.of(415));
            }
            if (dice < 630) {
                return signed("malformed content type", pick(MALFORMED_TYPES), Set.of(400));
            }
            if (dice < 730) {
                return unknownTarget();
            }
            if (dice < 800) {
                return badMode();
            }
            if (dice < 850) {
                return wrongMethod();
            }
            if (dice < 880) {
                return notAcceptable();
            }
            if (dice < 890) {
                return tooLarge();
            }
            if (dice < 900) {
                return oversizedHeader();
            }
            return missingOrGarbageHeaders();
        }

        /** A valid event, signed, with a Content-Type the payload takes: only what the caller changes is wrong. */
        private Case signed(String description, @Nullable String contentType, Set<Integer> expected) {
            Map<String, String> headers = garbageHeaders();
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            return new Case(index, description, description + " '" + contentType + "'", "POST",
                    InboundProcesses.ENDPOINT, headers, eventBody(), false, StripeWebhooks::signNow, expected);
        }

        private Case badSignature() {
            long now = Instant.now().getEpochSecond();
            String secret = Samples.STRIPE_WEBHOOK_SECRET;
            int kind = random.nextInt(12);
            long stale = now - 301 - random.nextInt(1_000_000);
            long future = now + 301 + random.nextInt(1_000_000);
            String garbage = printable(1 + random.nextInt(200));
            String[] names = {"missing", "empty", "garbage", "stale", "future", "wrong secret", "another body",
                    "uppercase hex", "only v0", "no timestamp", "no v1", "timestamp not a number"};
            Function<byte[], String> signature = switch (kind) {
                case 0 -> null;
                case 1 -> body -> "";
                case 2 -> body -> garbage;
                case 3 -> body -> StripeEvents.signature(body, secret, stale);
                case 4 -> body -> StripeEvents.signature(body, secret, future);
                case 5 -> body -> StripeEvents.signature(body, "whsec_not_the_secret", nowSeconds());
                case 6 -> body -> StripeEvents.signature(Arrays.copyOf(body, body.length + 1), secret, nowSeconds());
                case 7 -> body -> StripeWebhooks.signNow(body).toUpperCase(java.util.Locale.ROOT).replace("T=", "t=")
                        .replace("V1=", "v1=");
                case 8 -> body -> StripeWebhooks.signNow(body).replace("v1=", "v0=");
                case 9 -> body -> StripeWebhooks.signNow(body).replaceFirst("t=\\d+,", "");
                case 10 -> body -> StripeWebhooks.signNow(body).replaceFirst(",v1=.*", "");
                default -> body -> StripeWebhooks.signNow(body).replaceFirst("t=\\d+",
                        java.util.regex.Matcher.quoteReplacement("t=" + garbage.replace(",", "")));
            };
            Map<String, String> headers = garbageHeaders();
            headers.put("Content-Type", pick(GOOD_TYPES));
            return new Case(index, "bad signature", "signature " + names[kind], "POST", InboundProcesses.ENDPOINT,
                    headers, eventBody(), random.nextInt(10) == 0, signature, Set.of(401));
        }

        private Case badBody() {
            int kind = random.nextInt(8);
            byte[] event = event().body();
            long seed = random.nextLong();
            String[] names = {"random bytes", "truncated JSON", "nested deeper than 200", "empty", "trailing garbage",
                    "invalid UTF-8 in a string", "unknown charset", "JSON with a syntax error"};
            Supplier<byte[]> body = switch (kind) {
                case 0 -> () -> randomBytes(new Random(seed));
                case 1 -> () -> Arrays.copyOf(event, 1 + new Random(seed).nextInt(event.length - 1));
                case 2 -> () -> nested(201 + new Random(seed).nextInt(5_000), new Random(seed).nextBoolean());
                case 3 -> () -> new byte[0];
                case 4 -> () -> concat(event, " }x".getBytes(StandardCharsets.US_ASCII));
                case 5 -> () -> concat("{\"id\":\"evt_".getBytes(StandardCharsets.US_ASCII),
                        new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'});
                case 6 -> () -> event;
                default -> () -> withoutTheFirstColon(event);
            };
            Map<String, String> headers = garbageHeaders();
            headers.put("Content-Type", kind == 6 ? "application/json; charset=" + letters(3 + random.nextInt(8))
                    : pick(GOOD_TYPES));
            return new Case(index, "bad body", names[kind], "POST", InboundProcesses.ENDPOINT, headers, body,
                    random.nextInt(10) == 0, StripeWebhooks::signNow, Set.of(400));
        }

        private Case wrongShapeUnsigned() {
            byte[] body = pick(WRONG_SHAPES).getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = garbageHeaders();
            headers.put("Content-Type", pick(GOOD_TYPES));
            String forged = StripeEvents.signature(body, "whsec_forged", nowSeconds());
            return new Case(index, "wrong shape, unsigned", new String(body, StandardCharsets.UTF_8), "POST",
                    InboundProcesses.ENDPOINT, headers, () -> body, false,
                    random.nextBoolean() ? null : b -> forged, Set.of(401));
        }

        private Case unknownTarget() {
            String integration = InboundProcesses.INTEGRATION;
            String payload = InboundProcesses.PAYLOAD;
            int kind = random.nextInt(4);
            String path = switch (kind) {
                case 0 -> "/in/" + encode(randomName()) + "/" + payload;
                case 1 -> "/in/" + integration + "/" + encode(randomName());
                case 2 -> "/in/" + encode(randomName()) + "/" + encode(randomName());
                default -> pick(List.of("/in/" + integration, "/in/" + integration + "/" + payload + "/extra",
                        "/in//" + payload, "/in/" + integration + "/%FF%FE", "/in/%C3%28/" + payload));
            };
            Map<String, String> headers = garbageHeaders();
            headers.put("Content-Type", pick(GOOD_TYPES));
            boolean nul = path.contains("%00");
            return new Case(index, nul ? "unknown target with NUL" : "unknown target", "unknown target", "POST", path,
                    headers, eventBody(), false, StripeWebhooks::signNow, Set.of(404));
        }

        private Case badMode() {
            String mode = pick(List.of("", "SYNC", "Async", "synchronous", "1", "true", " sync", "sync ", "\u0000",
                    printable(1 + random.nextInt(30))));
            Map<String, String> headers = garbageHeaders();
            headers.put("Content-Type", pick(GOOD_TYPES));
            return new Case(index, "bad mode", "mode '" + mode + "'", "POST", InboundProcesses.ENDPOINT + "?mode="
                    + URLEncoder.encode(mode, StandardCharsets.UTF_8), headers, eventBody(), false,
                    StripeWebhooks::signNow, Set.of(400));
        }

        private Case wrongMethod() {
            String method = pick(List.of("GET", "PUT", "DELETE", "PATCH"));
            Map<String, String> headers = garbageHeaders();
            headers.put("Content-Type", JSON_TYPE);
            Supplier<byte[]> body = method.equals("GET") || method.equals("DELETE") ? () -> new byte[0] : eventBody();
            return new Case(index, "wrong method", method, method, InboundProcesses.ENDPOINT, headers, body, false,
                    StripeWebhooks::signNow, Set.of(405));
        }

        private Case notAcceptable() {
            Map<String, String> headers = garbageHeaders();
            headers.put("Content-Type", JSON_TYPE);
            headers.put("Accept", pick(List.of("text/html", "application/xml", "image/png", "text/plain")));
            return new Case(index, "not acceptable", "Accept " + headers.get("Accept"), "POST",
                    InboundProcesses.ENDPOINT, headers, eventBody(), false, StripeWebhooks::signNow, Set.of(406));
        }

        private Case tooLarge() {
            int size = MAX_BODY + 1 + random.nextInt(1024 * 1024);
            boolean chunked = random.nextBoolean();
            Map<String, String> headers = garbageHeaders();
            headers.put("Content-Type", JSON_TYPE);
            return new Case(index, "too large", size + " bytes" + (chunked ? ", chunked" : ""), "POST",
                    InboundProcesses.ENDPOINT, headers, () -> hugeJson(size), chunked, null, Set.of(413));
        }

        private Case oversizedHeader() {
            Map<String, String> headers = garbageHeaders();
            headers.put("Content-Type", JSON_TYPE);
            headers.put("X-Fuzz-Oversized", letters(70_000 + random.nextInt(50_000)));
            return new Case(index, TRANSPORT_LIMIT, "a header over 64 KB", "POST", InboundProcesses.ENDPOINT,
                    headers, eventBody(), false, StripeWebhooks::signNow, Set.of(400, 413, 431));
        }

        /** Garbage headers, sometimes no Content-Type, and no signature: 401. */
        private Case missingOrGarbageHeaders() {
            Map<String, String> headers = garbageHeaders();
            if (random.nextBoolean()) {
                headers.put("Content-Type", pick(GOOD_TYPES));
            }
            headers.put("Accept", pick(GOOD_ACCEPTS));
            return new Case(index, "no signature, garbage headers", headers.size() + " headers", "POST",
                    InboundProcesses.ENDPOINT, headers, eventBody(), false, null, Set.of(401));
        }

        private Event event() {
            return webhooks.event(index, 50);
        }

        private Supplier<byte[]> eventBody() {
            byte[] body = event().body();
            return () -> body;
        }

        /** Up to five headers no one reads, with printable values, and sometimes a stray User-Agent. */
        private Map<String, String> garbageHeaders() {
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                headers.put("X-Fuzz-" + letters(1 + random.nextInt(12)), printable(random.nextInt(200)));
            }
            if (random.nextInt(4) == 0) {
                headers.put("User-Agent", printable(random.nextInt(100)));
            }
            if (random.nextInt(4) == 0) {
                headers.put("Accept", pick(GOOD_ACCEPTS));
            }
            return headers;
        }

        /** A name of letters, digits, punctuation, spaces and non-ASCII, sometimes with a NUL or very long. */
        private String randomName() {
            String alphabet = "abcXYZ019-_.~ !$&'()*+,;=:@é日本\u00a0\t%";
            int length = random.nextInt(20) == 0 ? 300 : 1 + random.nextInt(30);
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < length; i++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(15) == 0) {
                name.insert(random.nextInt(name.length() + 1), '\u0000');
            }
            String text = name.toString();
            return text.equals(InboundProcesses.INTEGRATION) || text.equals(InboundProcesses.PAYLOAD) ? text + "x"
                    : text;
        }

        private String letters(int length) {
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            return text.toString();
        }

        /** Printable ASCII and tabs: what a header value may hold. */
        private String printable(int length) {
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(40) == 0 ? '\t' : (char) (0x20 + random.nextInt(0x5F)));
            }
            return text.toString().strip();
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        /** Random bytes whose first byte no JSON text starts with, so that they are never valid JSON. */
        private static byte[] randomBytes(Random random) {
            byte[] bytes = new byte[1 + random.nextInt(2_000)];
            random.nextBytes(bytes);
            bytes[0] = new byte[] {'}', ']', ':', ',', '#', 0, (byte) 0xFF, 'x'}[random.nextInt(8)];
            return bytes;
        }

        private static byte[] nested(int depth, boolean arrays) {
            String open = arrays ? "[" : "{\"a\":";
            String close = arrays ? "]" : "}";
            return (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.US_ASCII);
        }

        private static byte[] hugeJson(int size) {
            byte[] bytes = new byte[size];
            Arrays.fill(bytes, (byte) 'a');
            byte[] start = "{\"id\":\"evt_huge\",\"pad\":\"".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(start, 0, bytes, 0, start.length);
            bytes[size - 2] = '"';
            bytes[size - 1] = '}';
            return bytes;
        }

        /** {@code "id" : "evt…"} becomes {@code "id"  "evt…"}: a syntax error. */
        private static byte[] withoutTheFirstColon(byte[] event) {
            String text = new String(event, StandardCharsets.UTF_8);
            String broken = text.replaceFirst("\" : ", "\"  ");
            if (broken.equals(text)) {
                throw new IllegalStateException("No '\" : ' in the event to break: " + text);
            }
            return broken.getBytes(StandardCharsets.UTF_8);
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] both = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        }

        private static String encode(String segment) {
            return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
        }

        private static long nowSeconds() {
            return Instant.now().getEpochSecond();
        }
    }
}
