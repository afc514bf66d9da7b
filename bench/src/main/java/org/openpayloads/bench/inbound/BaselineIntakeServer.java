package org.openpayloads.bench.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The yardstick for the server's inbound intake: the least a hand-written webhook receiver must do to take a
 * Stripe event durably, and nothing else. The JDK's {@link HttpServer} on a fixed thread pool; for each
 * {@code POST} to the path it reads the body, checks the {@code Stripe-Signature} (HMAC-SHA256 of
 * {@code <t>.<body>}, at most 300 s old), reads the event id from the JSON, commits one INSERT of the body,
 * content type, three headers, status {@code QUEUED}, receive time (the database's clock) and event id into
 * {@code baseline_job} (HikariCP pool, autocommit; the id comes back from the identity column), and answers
 * {@code 202 {"jobId":…,"jobNumber":"IN-…","status":"QUEUED"}}. PostgreSQL or HSQLDB; the table is made if
 * missing, with an index on the event id as a dedupe lookup would need.
 *
 * <pre>
 * java -cp 'bench/target/payloads-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*' \
 *     org.openpayloads.bench.inbound.BaselineIntakeServer --port 8090 \
 *     --db-url jdbc:postgresql://127.0.0.1:5432/bench_inbound --db-user postgres --secret whsec_…
 * </pre>
 */
@Command(name = "baseline-intake", mixinStandardHelpOptions = true, sortOptions = false,
        description = "A minimal hand-written Stripe webhook intake: verify, one durable INSERT, 202.")
public final class BaselineIntakeServer implements Callable<Integer> {

    private static final int TOLERANCE_SECONDS = 300;
    private static final int BACKLOG = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    String host = "127.0.0.1";

    @Option(names = "--port", defaultValue = "8090", description = "Port to listen on. Default: ${DEFAULT-VALUE}.")
    int port = 8090;

    @Option(names = "--path", defaultValue = "/in/stripe/charge",
            description = "The webhook's path. Default: ${DEFAULT-VALUE}.")
    String path = "/in/stripe/charge";

    @Option(names = "--secret", required = true, description = "The signing secret (whsec_…).")
    String secret = "";

    @Option(names = "--db-url", required = true, description = "A jdbc:postgresql: or jdbc:hsqldb: URL.")
    String dbUrl = "";

    @Option(names = "--db-user", defaultValue = "postgres", description = "Database user. Default: ${DEFAULT-VALUE}.")
    String dbUser = "postgres";

    @Option(names = "--db-password", defaultValue = "", description = "Database password. Default: none.")
    String dbPassword = "";

    @Option(names = "--threads", defaultValue = "16",
            description = "Request threads: the most requests handled at once. Default: ${DEFAULT-VALUE}.")
    int threads = 16;

    @Option(names = "--pool-size", defaultValue = "10",
            description = "Database connections, as the server's default pool. Default: ${DEFAULT-VALUE}.")
    int poolSize = 10;

    public static void main(String[] args) {
        int exit = new CommandLine(new BaselineIntakeServer()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() throws IOException, SQLException, InterruptedException {
        JobTable table = JobTable.of(dbUrl);
        HikariDataSource database = dataSource();
        table.create(database);
        // Without it each response's head and body may wait out a delayed ACK (Nagle), 40 ms per request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService requestThreads = Executors.newFixedThreadPool(threads,
                r -> new Thread(r, "intake-" + threadNumber.incrementAndGet()));
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), BACKLOG);
        http.createContext(path, new IntakeHandler(path, secret, table, database));
        http.setExecutor(requestThreads);
        http.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.stop(0);
            requestThreads.shutdownNow();
            database.close();
            stopped.countDown();
        }, "baseline-stop"));
        System.out.printf(Locale.ROOT, "Baseline intake ready on http://%s:%d%s (%s, %d threads, pool of %d)%n",
                host, http.getAddress().getPort(), path, table, threads, poolSize);
        stopped.await();
        return 0;
    }

    private HikariDataSource dataSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dbUrl);
        config.setUsername(dbUser);
        config.setPassword(dbPassword);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setAutoCommit(true);
        config.setPoolName("baseline");
        return new HikariDataSource(config);
    }

    /** The one handler: method and path, signature, event id, INSERT, 202. */
    private static final class IntakeHandler implements HttpHandler {

        private final String path;
        private final byte[] key;
        private final JobTable table;
        private final HikariDataSource database;
        private final ThreadLocal<Mac> macs;

        IntakeHandler(String path, String secret, JobTable table, HikariDataSource database) {
            this.path = path;
            this.key = secret.getBytes(StandardCharsets.UTF_8);
            this.table = table;
            this.database = database;
            this.macs = ThreadLocal.withInitial(this::newMac);
        }

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                Reply reply = reply(exchange);
                byte[] bytes = reply.json().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(reply.status(), bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        }

        private Reply reply(HttpExchange exchange) throws IOException {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                return Reply.error(404, "NOT_FOUND", "No resource at " + exchange.getRequestURI().getPath());
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                return Reply.error(405, "METHOD_NOT_ALLOWED", "Only POST is allowed here");
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            Headers headers = exchange.getRequestHeaders();
            String signatureProblem = signatureProblem(headers.getFirst(StripeEvents.SIGNATURE_HEADER), body);
            if (signatureProblem != null) {
                return Reply.error(401, "UNAUTHORIZED", signatureProblem);
            }
            String eventId = eventId(body);
            if (eventId == null) {
                return Reply.error(400, "BAD_REQUEST", "The body is not a JSON event with an id");
            }
            try {
                long jobId = table.insert(database, eventId, headers.getFirst("Content-Type"), storedHeaders(headers),
                        body);
                return new Reply(202, "{\"jobId\":" + jobId + ",\"jobNumber\":\"" + jobNumber(jobId)
                        + "\",\"status\":\"QUEUED\"}");
            } catch (SQLException e) {
                System.err.println("INSERT failed: " + e);
                return Reply.error(503, "UNAVAILABLE", "The job could not be stored");
            }
        }

        /** The server's form: IN- and the id, zero-padded to six digits. */
        private static String jobNumber(long id) {
            String digits = Long.toString(id);
            return "IN-" + "0".repeat(Math.max(0, 6 - digits.length())) + digits;
        }

        /** Null when a v1 signature matches and its time is within the tolerance; else what is wrong. */
        private @Nullable String signatureProblem(@Nullable String header, byte[] body) {
            if (header == null) {
                return "The Stripe-Signature header is missing";
            }
            long timestamp = -1;
            List<String> signatures = new ArrayList<>(1);
            for (String part : header.split(",")) {
                if (part.startsWith("t=")) {
                    try {
                        timestamp = Long.parseLong(part.substring(2).strip());
                    } catch (NumberFormatException e) {
                        return "The Stripe-Signature timestamp is not a number";
                    }
                } else if (part.startsWith("v1=")) {
                    signatures.add(part.substring(3).strip());
                }
            }
            if (timestamp < 0 || signatures.isEmpty()) {
                return "The Stripe-Signature header needs t= and v1=";
            }
            if (Math.abs(System.currentTimeMillis() / 1000 - timestamp) > TOLERANCE_SECONDS) {
                return "The Stripe-Signature timestamp is more than " + TOLERANCE_SECONDS + " s from now";
            }
            Mac mac = macs.get();
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
            for (String signature : signatures) {
                if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
                    return null;
                }
            }
            return "No v1 signature matches the body and the signing secret";
        }

        private Mac newMac() {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
            }
        }

        private static @Nullable String eventId(byte[] body) {
            try {
                JsonNode id = JSON.readTree(body).path("id");
                return id.isTextual() && !id.asText().isEmpty() ? id.asText() : null;
            } catch (IOException notJson) {
                return null;
            }
        }

        private static String storedHeaders(Headers headers) throws JsonProcessingException {
            ObjectNode stored = JSON.createObjectNode();
            for (String name : List.of("Content-Type", "User-Agent", StripeEvents.SIGNATURE_HEADER)) {
                String value = headers.getFirst(name);
                if (value != null) {
                    stored.put(name, value);
                }
            }
            return JSON.writeValueAsString(stored);
        }
    }

    /** A status and its JSON body. */
    private record Reply(int status, String json) {

        static Reply error(int status, String code, String message) {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("error").put("code", code).put("message", message);
            return new Reply(status, body.toString());
        }
    }

    /** The {@code baseline_job} table on PostgreSQL or HSQLDB: its DDL, and the INSERT that returns the new id. */
    private enum JobTable {

        // On HSQLDB a CACHED table, as the server's job table is: rows on disk, not all in the heap.
        POSTGRESQL("TABLE", "BYTEA", "TEXT"),
        HSQLDB("CACHED TABLE", "VARBINARY(16777216)", "LONGVARCHAR");

        private static final String INSERT = "INSERT INTO baseline_job "
                + "(event_id, status, content_type, headers, body, received_at) "
                + "VALUES (?, 'QUEUED', ?, ?, ?, CURRENT_TIMESTAMP)";

        private final String tableKind;
        private final String bytesType;
        private final String textType;

        JobTable(String tableKind, String bytesType, String textType) {
            this.tableKind = tableKind;
            this.bytesType = bytesType;
            this.textType = textType;
        }

        static JobTable of(String url) {
            if (url.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            if (url.startsWith("jdbc:hsqldb:")) {
                return HSQLDB;
            }
            throw new IllegalArgumentException("--db-url '" + url + "' is not a jdbc:postgresql: or jdbc:hsqldb: URL");
        }

        void create(HikariDataSource database) throws SQLException {
            try (Connection connection = database.getConnection(); Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE " + tableKind + " IF NOT EXISTS baseline_job ("
                        + "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                        + "event_id VARCHAR(255) NOT NULL, "
                        + "status VARCHAR(20) NOT NULL, "
                        + "content_type VARCHAR(255), "
                        + "headers " + textType + " NOT NULL, "
                        + "body " + bytesType + " NOT NULL, "
                        + "received_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)");
                ddl.execute("CREATE INDEX IF NOT EXISTS ix_baseline_job_event ON baseline_job (event_id)");
            }
        }

        /** Commits one row (autocommit) and returns its id. */
        long insert(HikariDataSource database, String eventId, @Nullable String contentType, String headers,
                    byte[] body) throws SQLException {
            try (Connection connection = database.getConnection();
                 PreparedStatement insert = this == POSTGRESQL
                         ? connection.prepareStatement(INSERT + " RETURNING id")
                         : connection.prepareStatement(INSERT, new String[] {"ID"})) {
                insert.setString(1, eventId);
                insert.setString(2, contentType);
                insert.setString(3, headers);
                insert.setBytes(4, body);
                if (this == POSTGRESQL) {
                    try (ResultSet returned = insert.executeQuery()) {
                        return id(returned);
                    }
                }
                insert.executeUpdate();
                try (ResultSet generated = insert.getGeneratedKeys()) {
                    return id(generated);
                }
            }
        }

        private static long id(ResultSet keys) throws SQLException {
            if (!keys.next()) {
                throw new SQLException("The INSERT into baseline_job returned no id");
            }
            return keys.getLong(1);
        }
    }
}
