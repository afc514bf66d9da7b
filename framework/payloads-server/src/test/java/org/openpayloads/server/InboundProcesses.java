package org.openpayloads.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.openpayloads.testkit.Fixtures;
import org.openpayloads.testkit.TestDatabase;

/**
 * The inbound pipeline as it runs in production, for the tests that crash it, race it, fuzz it and run it on two
 * nodes: server processes of their own (the test classpath, as in {@link CrashRecoveryTest}) on one PostgreSQL
 * schema, the Stripe integration configured through the admin API, and signed Stripe webhooks posted over real
 * connections.
 *
 * <ul>
 *   <li>{@link Node}: one server JVM, with short leases so that a killed node's jobs come back within seconds.
 *   <li>{@link #configureStripe}: the Account external id field, the integration, its credential and the payload.
 *   <li>{@link StripeWebhooks}: {@code charge.succeeded} events built on a recorded Stripe event, and signatures.
 *   <li>{@link Sender}: posts events from several threads, one connection each, and keeps every answer.
 *   <li>{@link Tables}: the jobs and the org's Accounts as stored, read with JDBC, and the wait for a drained queue.
 * </ul>
 *
 * <p>One file of several small parts, each well under 200 lines, because the four tests share all of them.
 */
final class InboundProcesses {

    static final String ADMIN_TOKEN = "inbound-processes-admin-token-0123456789";
    /** Every node shares it, so that each reads the credential secrets another stored. */
    static final String MASTER_KEY = "5d0c3c9f1b7a4e2d8f6a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4";
    static final String INTEGRATION = "stripe";
    static final String PAYLOAD = "charge";
    static final String ENDPOINT = "/in/" + INTEGRATION + "/" + PAYLOAD;
    static final String EXTERNAL_ID = "Stripe_Customer_Id__c";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private InboundProcesses() {
    }

    /**
     * A fresh directory for one test's nodes, {@code target/inbound-processes/<test>}: their data directories and
     * console logs, left after the run so that a failure can be read in full.
     */
    static Path workDirectory(String test) {
        Path directory = Path.of("target", "inbound-processes", test).toAbsolutePath();
        try {
            if (Files.exists(directory)) {
                try (var paths = Files.walk(directory)) {
                    for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a fresh " + directory, e);
        }
    }

    /**
     * Creates what the webhooks need, through {@code node}'s admin API: the Account field {@value #EXTERNAL_ID}
     * (external id, unique), the integration, the Stripe credential holding the webhook secret, and the payload.
     * The payload checks the {@code Stripe-Signature}, dedupes on the event id, orders by customer and upserts
     * the customer's Account.
     *
     * @param active false to store what arrives as HELD jobs (whenInactive HOLD) until it is activated
     */
    static void configureStripe(Node node, boolean active) {
        node.admin().body("""
                {"name":"%s","label":"Stripe customer id","type":"string","length":255,
                 "externalId":true,"unique":true}""".formatted(EXTERNAL_ID))
                .post("/api/v1/org/objects/Account/fields").then().log().ifValidationFails().statusCode(201);
        node.admin().body(Samples.integration(INTEGRATION)).post("/api/v1/integrations")
                .then().log().ifValidationFails().statusCode(201);
        node.admin().body(Samples.stripeCredential()).post("/api/v1/integrations/" + INTEGRATION + "/credentials")
                .then().log().ifValidationFails().statusCode(201);
        node.admin().body("""
                {"apiName":"%s","label":"Stripe charge.succeeded","direction":"INBOUND","kind":"API_PUSH",
                 "contentType":"JSON","active":%s,"whenInactive":"HOLD",
                 "auth":{"type":"STRIPE_SIGNATURE","credential":"stripe-api","toleranceSeconds":300},
                 "dedupeKey":"$.id","orderingKey":"$.data.object.customer",
                 "targets":[{"apiName":"account","label":"Upsert Account","object":"Account","operation":"UPSERT",
                   "externalIdField":"%s",
                   "mappings":[
                     {"field":"%3$s","sourceType":"ELEMENT","value":"$.data.object.customer"},
                     {"field":"Name","sourceType":"EXPRESSION",
                      "value":"coalesce($.data.object.billing_details.name, $.data.object.customer)"},
                     {"field":"Type","sourceType":"STATIC","value":"Customer - Direct"},
                     {"field":"Description","sourceType":"EXPRESSION",
                      "value":"concat('Stripe customer ', $.data.object.customer)"},
                     {"field":"Rating","sourceType":"ELEMENT","value":"$.data.object.outcome.risk_level",
                      "valueMap":{"normal":"Warm","elevated":"Cold"},"defaultValue":"Hot"}]}]}"""
                .formatted(PAYLOAD, active, EXTERNAL_ID))
                .post("/api/v1/integrations/" + INTEGRATION + "/payloads")
                .then().log().ifValidationFails().statusCode(201);
    }

    /** Activates the payload, so that its HELD jobs are queued by the next maintenance run of any node. */
    static void activatePayload(Node node) {
        node.admin().contentType("application/merge-patch+json").body("{\"active\":true}")
                .patch("/api/v1/integrations/" + INTEGRATION + "/payloads/" + PAYLOAD)
                .then().log().ifValidationFails().statusCode(200);
    }

    /**
     * One server JVM on the test classpath, listening on 127.0.0.1, its console in {@code <name>.log}. Its
     * settings come from the environment, as an operator would give them: PostgreSQL, the admin token, the
     * master key, a 3 s lease, maintenance every second and a 100 ms poll.
     */
    static final class Node implements AutoCloseable {

        private final String name;
        private final Process process;
        private final int port;
        private final Path log;

        private Node(String name, Process process, int port, Path log) {
            this.name = name;
            this.process = process;
            this.port = port;
            this.log = log;
        }

        /** Starts a node on a free port and waits until its {@code /health} is 200. */
        static Node start(String name, TestDatabase database, Path directory) {
            return start(name, database, directory, freePort());
        }

        /** Starts a node on {@code port}, as a restart on the same address does. */
        static Node start(String name, TestDatabase database, Path directory, int port) {
            if (database.kind() != TestDatabase.Kind.POSTGRESQL) {
                throw new IllegalArgumentException("database is " + database.kind()
                        + "; expected POSTGRESQL, the only database several processes share");
            }
            Path dataDirectory = directory.resolve(name);
            Path log = directory.resolve(name + ".log");
            // C1 only: in a run of a minute on two cores, C2's compiling costs more CPU than its code saves.
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), PayloadsCommand.class.getName(), "run",
                    "--host", "127.0.0.1", "--port", String.valueOf(port), "--data-dir", dataDirectory.toString());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(key -> key.startsWith("PAYLOADS_"));
            environment.put("PAYLOADS_DB_URL", database.jdbcUrl());
            environment.put("PAYLOADS_DB_USER", database.user());
            environment.put("PAYLOADS_DB_PASSWORD", database.password());
            environment.put("PAYLOADS_ADMIN_TOKEN", ADMIN_TOKEN);
            environment.put("PAYLOADS_SAMPLES", "none");
            environment.put("PAYLOADS_MASTER_KEY", MASTER_KEY);
            environment.put("PAYLOADS_JOB_LEASE_SECONDS", "3");
            environment.put("PAYLOADS_JOB_MAINTENANCE_SECONDS", "1");
            environment.put("PAYLOADS_JOB_POLL_MILLIS", "100");
            try {
                Files.createDirectories(dataDirectory);
                Node node = new Node(name, builder.start(), port, log);
                // A test that dies before its finally block must not leave a server behind.
                Runtime.getRuntime().addShutdownHook(new Thread(node.process::destroyForcibly));
                node.awaitHealthy();
                return node;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start server process " + name, e);
            }
        }

        private void awaitHealthy() {
            long deadline = System.nanoTime() + STARTUP.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("Server " + name + " exited with " + process.exitValue()
                            + " before it was healthy:\n" + logTail(40));
                }
                try {
                    if (given().baseUri("http://127.0.0.1").port(port).get("/health").statusCode() == 200) {
                        return;
                    }
                } catch (Exception notListeningYet) {
                    // connection refused (rest-assured throws it unchecked) until the HTTP server is up
                }
                sleep(Duration.ofMillis(100));
            }
            process.destroyForcibly();
            throw new AssertionError("Server " + name + " not healthy within " + STARTUP.toSeconds() + " s:\n"
                    + logTail(40));
        }

        String name() {
            return name;
        }

        int port() {
            return port;
        }

        long pid() {
            return process.pid();
        }

        boolean isAlive() {
            return process.isAlive();
        }

        /** A request to the admin API, sending and accepting JSON. */
        RequestSpecification admin() {
            return given().baseUri("http://127.0.0.1").port(port).contentType(ContentType.JSON)
                    .accept(ContentType.JSON).header("Authorization", "Bearer " + ADMIN_TOKEN);
        }

        /** {@code kill -9}: the process ends at once, with no shutdown hook, in the middle of what it does. */
        void kill9() {
            process.destroyForcibly();
            int exit = waitForExit(Duration.ofSeconds(10));
            if (exit != 137) {
                throw new AssertionError("Server " + name + " exited with " + exit + " after SIGKILL; expected 137");
            }
        }

        /** Stops the node gracefully (SIGTERM), or kills it when it has not stopped within 30 s. */
        @Override
        public void close() {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            if (waitForExit(Duration.ofSeconds(30)) < 0) {
                process.destroyForcibly();
                waitForExit(Duration.ofSeconds(10));
            }
        }

        private int waitForExit(Duration timeout) {
            try {
                return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        /** The last lines of the node's console, for failure messages. */
        String logTail(int lines) {
            List<String> all = readLog();
            return "--- " + log + " (last " + Math.min(lines, all.size()) + " of " + all.size() + " lines)\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }

        /** The node's console lines that contain {@code text}. */
        List<String> logLines(String text) {
            return readLog().stream().filter(l -> l.contains(text)).toList();
        }

        private List<String> readLog() {
            try {
                // Malformed input is replaced, not fatal: the log may echo bytes a client sent.
                return List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + log, e);
            }
        }

        /** The first {@code limit} WARN and ERROR lines of the node's console, for failure messages. */
        String warnings(int limit) {
            List<String> lines = readLog().stream().filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                    .toList();
            return name + ": " + lines.size() + " warnings and errors" + (lines.isEmpty() ? "" : ", first:\n"
                    + String.join("\n", lines.subList(0, Math.min(limit, lines.size()))));
        }

        @Override
        public String toString() {
            return name + " (pid " + process.pid() + ", port " + port + ")";
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("No free port", e);
            }
        }
    }

    /** One webhook: the Stripe event id, its customer and the exact bytes Stripe would post. */
    record Event(String id, String customer, byte[] body) {

        @Override
        public String toString() {
            return id + " (" + customer + ")";
        }
    }

    /**
     * Stripe {@code charge.succeeded} events, each the recorded event
     * {@code stripe/more/events/charge.succeeded-guest-no-customer.json} with its own event id, charge id, time,
     * customer and billing details, pretty-printed as Stripe posts them; and their {@code Stripe-Signature}.
     */
    static final class StripeWebhooks {

        static final String SIGNATURE_HEADER = "Stripe-Signature";
        private static final String FIXTURE = "stripe/more/events/charge.succeeded-guest-no-customer.json";

        private final String tag;
        private final ObjectNode recorded;

        /** @param tag a few letters that make this test's ids recognisable, such as {@code crash} */
        StripeWebhooks(String tag) {
            if (!tag.matches("[a-z]{1,12}")) {
                throw new IllegalArgumentException("tag was '" + tag + "'; expected 1 to 12 lowercase letters");
            }
            this.tag = tag;
            try {
                this.recorded = (ObjectNode) JSON.readTree(Fixtures.bytes(FIXTURE));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot parse fixture " + FIXTURE, e);
            }
        }

        /** The id of customer {@code index}, such as {@code cus_crash_00042}. */
        String customer(int index) {
            return String.format(Locale.ROOT, "cus_%s_%05d", tag, index);
        }

        /** Event {@code n}, for customer {@code n % customers}: any {@code customers} consecutive ones cover all. */
        Event event(int n, int customers) {
            int customerIndex = n % customers;
            String id = String.format(Locale.ROOT, "evt_%s_%07d", tag, n);
            ObjectNode event = recorded.deepCopy();
            long now = Instant.now().getEpochSecond();
            event.put("id", id).put("created", now);
            ObjectNode charge = (ObjectNode) event.path("data").path("object");
            charge.put("id", String.format(Locale.ROOT, "ch_%s_%07d", tag, n)).put("created", now)
                    .put("customer", customer(customerIndex)).put("amount", 100 + n % 9_900);
            ((ObjectNode) charge.path("billing_details"))
                    .put("name", String.format(Locale.ROOT, "Customer %05d", customerIndex))
                    .put("email", String.format(Locale.ROOT, "customer%05d@example.com", customerIndex));
            try {
                return new Event(id, customer(customerIndex), JSON.writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(event));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write event " + id, e);
            }
        }

        /** Events 0 to {@code count - 1} over {@code customers} customers. */
        List<Event> events(int count, int customers) {
            List<Event> events = new ArrayList<>(count);
            for (int n = 0; n < count; n++) {
                events.add(event(n, customers));
            }
            return events;
        }

        /** The signature Stripe sends now, with the secret the credential holds. */
        static String signNow(byte[] body) {
            return StripeEvents.signature(body, Samples.STRIPE_WEBHOOK_SECRET, Instant.now().getEpochSecond());
        }
    }

    /**
     * What one delivery got: the HTTP status and body, or, when no answer came (the server was killed, or
     * refused the connection), status 0 and the failure.
     */
    record Delivery(Event event, int status, String body, @Nullable Exception failure) {

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }

        JsonNode receipt() {
            try {
                return body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return MissingNode.getInstance();
            }
        }

        long jobId() {
            return receipt().path("jobId").asLong(-1);
        }

        boolean duplicate() {
            return receipt().path("duplicate").asBoolean(false);
        }

        @Override
        public String toString() {
            return event.id() + " -> " + (failure != null ? "no answer (" + failure + ")" : status + " " + body);
        }
    }

    /** Posts signed events to a node's endpoint, as Stripe's delivery workers would. */
    static final class Sender {

        private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
        private final URI endpoint;

        Sender(Node node) {
            this.endpoint = URI.create("http://127.0.0.1:" + node.port() + ENDPOINT);
        }

        /** A client of its own: used by one thread, it keeps one keep-alive connection. */
        static HttpClient newConnection() {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }

        /** Posts the event, signed now; an I/O failure is an answer that never came, not an exception. */
        Delivery deliver(HttpClient connection, Event event) {
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                    .header(StripeWebhooks.SIGNATURE_HEADER, StripeWebhooks.signNow(event.body()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(event.body())).build();
            try {
                HttpResponse<String> response = connection.send(request, HttpResponse.BodyHandlers.ofString());
                return new Delivery(event, response.statusCode(), response.body(), null);
            } catch (IOException e) {
                return new Delivery(event, 0, "", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Delivery(event, 0, "", e);
            }
        }

        /**
         * Posts every event once from {@code connections} threads, each with a connection of its own, taking the
         * events in order; {@code onAnswer} sees each delivery as it ends, on the thread that made it.
         *
         * @return the deliveries, in the order of {@code events}
         */
        List<Delivery> deliverAll(List<Event> events, int connections, Consumer<Delivery> onAnswer, Duration timeout) {
            Delivery[] deliveries = new Delivery[events.size()];
            AtomicInteger next = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(connections);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < connections; t++) {
                    running.add(threads.submit(() -> {
                        HttpClient connection = newConnection();
                        for (int i = next.getAndIncrement(); i < events.size(); i = next.getAndIncrement()) {
                            deliveries[i] = deliver(connection, events.get(i));
                            onAnswer.accept(deliveries[i]);
                        }
                    }));
                }
                long deadline = System.nanoTime() + timeout.toNanos();
                for (Future<?> thread : running) {
                    thread.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (TimeoutException e) {
                throw new AssertionError("Posting " + events.size() + " events took over " + timeout.toSeconds()
                        + " s; " + next.get() + " were started");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError("A sender thread failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while posting", e);
            } finally {
                threads.shutdownNow();
            }
            return List.of(deliveries);
        }
    }

    /** The pipeline's and the org's tables, read with JDBC: the truth the HTTP answers are checked against. */
    static final class Tables {

        private static final String UNFINISHED = "('QUEUED', 'RUNNING', 'HELD')";
        private final TestDatabase database;

        Tables(TestDatabase database) {
            this.database = database;
        }

        /** Jobs by status, such as {@code {COMPLETED=2000}}. */
        Map<String, Long> jobsByStatus() {
            return counts("SELECT status, COUNT(*) FROM job GROUP BY status");
        }

        /** The query's rows as a map from its first column to its second, a number. */
        Map<String, Long> counts(String sql) {
            Map<String, Long> counts = new TreeMap<>();
            query(sql, row -> counts.put(row.getString(1), row.getLong(2)));
            return counts;
        }

        /** The ids of the jobs stored for each dedupe key (the Stripe event id). */
        Map<String, List<Long>> jobIdsByEventId() {
            Map<String, List<Long>> ids = new TreeMap<>();
            query("SELECT dedupe_key, id FROM job ORDER BY id", row -> ids.computeIfAbsent(row.getString(1),
                    key -> new ArrayList<>()).add(row.getLong(2)));
            return ids;
        }

        /** A number the query counts. */
        long count(String sql) {
            long[] count = {0};
            query(sql, row -> count[0] = row.getLong(1));
            return count[0];
        }

        /** Up to {@code limit} rows of the query, each as {@code column=value, …}: for failure messages. */
        List<String> rows(String sql, int limit) {
            List<String> rows = new ArrayList<>();
            query(sql, row -> {
                if (rows.size() < limit) {
                    ResultSetMetaData columns = row.getMetaData();
                    StringBuilder text = new StringBuilder();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        text.append(c > 1 ? ", " : "").append(columns.getColumnLabel(c)).append('=')
                                .append(row.getString(c));
                    }
                    rows.add(text.toString());
                }
            });
            return rows;
        }

        /**
         * The org's Accounts by their {@value #EXTERNAL_ID}, counted from the records' stored field values, so
         * that a duplicate shows even where the org's unique index of external ids did not catch it.
         */
        Map<String, Integer> accountsByCustomer() {
            Map<String, Integer> accounts = new TreeMap<>();
            query("SELECT data FROM org_record WHERE object_name = 'Account'", row -> {
                String customer;
                try {
                    customer = JSON.readTree(row.getString(1)).path(EXTERNAL_ID).asText("(none)");
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("An Account's stored data is not JSON: " + row.getString(1), e);
                }
                accounts.merge(customer, 1, Integer::sum);
            });
            return accounts;
        }

        /**
         * Waits until no job is QUEUED, RUNNING or HELD and {@code expectedJobs} are stored, printing progress every
         * 5 s.
         *
         * @throws AssertionError after {@code timeout}, with the counts and the nodes' last log lines
         */
        void awaitDrained(long expectedJobs, Duration timeout, Node... nodes) {
            long started = System.nanoTime();
            long deadline = started + timeout.toNanos();
            long nextReport = started + Duration.ofSeconds(5).toNanos();
            while (true) {
                Map<String, Long> counts = jobsByStatus();
                long total = counts.values().stream().mapToLong(Long::longValue).sum();
                long unfinished = count("SELECT COUNT(*) FROM job WHERE status IN " + UNFINISHED);
                if (unfinished == 0 && total >= expectedJobs) {
                    System.out.printf(Locale.ROOT, "Drained in %.1f s: %s%n", seconds(started), counts);
                    return;
                }
                if (System.nanoTime() > deadline) {
                    StringBuilder message = new StringBuilder("Jobs not drained within " + timeout.toSeconds()
                            + " s: " + counts + " (expected " + expectedJobs + " jobs, none QUEUED/RUNNING/HELD)."
                            + "\nFirst unfinished: " + rows("SELECT id, job_number, status, attempts, lease_owner, "
                            + "ordering_key, error FROM job WHERE status IN " + UNFINISHED + " ORDER BY id", 5));
                    for (Node node : nodes) {
                        message.append('\n').append(node).append(node.isAlive() ? " alive" : " dead").append('\n')
                                .append(node.logTail(20));
                    }
                    throw new AssertionError(message.toString());
                }
                if (System.nanoTime() > nextReport) {
                    System.out.printf(Locale.ROOT, "%.0f s: %s%n", seconds(started), counts);
                    nextReport += Duration.ofSeconds(5).toNanos();
                }
                sleep(Duration.ofMillis(250));
            }
        }

        private void query(String sql, RowReader reader) {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    reader.read(rows);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Query failed: " + sql + ": " + e.getMessage(), e);
            }
        }

        /** Reads the current row. */
        @FunctionalInterface
        private interface RowReader {
            void read(ResultSet row) throws SQLException;
        }
    }

    /**
     * Asserts that the jobs are the events, one each: no dedupe key (event id) has two jobs, and every event has
     * one.
     *
     * @return the job id stored for each event id
     */
    static Map<String, Long> eachEventHasExactlyOneJob(Tables tables, List<Event> events) {
        Map<String, List<Long>> jobs = tables.jobIdsByEventId();
        assertThat(jobs.entrySet().stream().filter(e -> e.getValue().size() != 1)
                .limit(10).toList()).as("event ids with more than one job").isEmpty();
        assertThat(difference(events.stream().map(Event::id).toList(),
                jobs.keySet())).as("the jobs' dedupe keys against the events' ids").isEmpty();
        Map<String, Long> ids = new TreeMap<>();
        jobs.forEach((event, jobIds) -> ids.put(event, jobIds.get(0)));
        return ids;
    }

    /**
     * Asserts that the org holds one Account per customer of the events and no other: counted from the stored
     * records by external id, and by SOQL through {@code node} as an API user sees it.
     */
    static void eachCustomerHasExactlyOneAccount(Tables tables, Node node, List<Event> events) {
        Map<String, Integer> accounts = tables.accountsByCustomer();
        assertThat(accounts.entrySet().stream().filter(e -> e.getValue() > 1)
                .limit(10).toList()).as("customers with more than one Account").isEmpty();
        List<String> customers = events.stream().map(Event::customer).distinct().toList();
        assertThat(difference(customers, accounts.keySet()))
                .as("the Accounts' external ids against the customers").isEmpty();
        assertThat(soqlAccountCount(node)).as("SELECT COUNT() FROM Account")
                .isEqualTo(customers.size());
    }

    /** The Account count as the org's own SOQL endpoint reports it to an API user (the admin token is one). */
    private static long soqlAccountCount(Node node) {
        return given().baseUri("http://127.0.0.1").port(node.port())
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .queryParam("q", "SELECT COUNT() FROM Account").get("/services/data/v62.0/query")
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath().getLong("totalSize");
    }

    /**
     * What sets {@code actual} apart from {@code expected}: "" when they are equal, else how many are missing and
     * unexpected, with the first few of each; for failure messages that stay short on sets of thousands.
     */
    static <T extends Comparable<T>> String difference(java.util.Collection<T> expected,
                                                       java.util.Collection<T> actual) {
        java.util.SortedSet<T> missing = new java.util.TreeSet<>(expected);
        missing.removeAll(actual);
        java.util.SortedSet<T> unexpected = new java.util.TreeSet<>(actual);
        unexpected.removeAll(expected);
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return "";
        }
        return missing.size() + " missing " + missing.stream().limit(5).toList() + ", " + unexpected.size()
                + " unexpected " + unexpected.stream().limit(5).toList();
    }

    /** Counts of what {@code values} holds, in order of first appearance: for short failure messages. */
    static <T> Map<T, Long> tally(List<T> values) {
        Map<T, Long> counts = new LinkedHashMap<>();
        values.forEach(value -> counts.merge(value, 1L, Long::sum));
        return counts;
    }

    static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
