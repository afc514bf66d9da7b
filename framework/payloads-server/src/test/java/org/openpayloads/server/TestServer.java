package org.openpayloads.server;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.openpayloads.engine.inbound.InboundSettings;
import org.openpayloads.engine.job.RetryPolicy;
import org.openpayloads.engine.job.WorkerSettings;
import org.openpayloads.testkit.TestDatabase;

/**
 * The real server on a random port, over a fresh test database (HSQLDB or PostgreSQL, by the
 * {@code payloads.test.db} system property), with a known admin token.
 */
final class TestServer implements AutoCloseable {

    static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    /**
     * Quick to react, so tests wait little: held jobs are released and expired leases recovered every
     * second, idle workers look for due jobs every 100 ms, retries wait 1 to 2 s, three attempts in all.
     */
    static final PipelineSettings PIPELINE = new PipelineSettings(InboundSettings.DEFAULTS,
            new WorkerSettings(4, 16, Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(1),
                    Duration.ofHours(1), 30, new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2))),
            Duration.ZERO);

    private final TestDatabase database;
    private final SampleSettings samples;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PayloadsServer server;

    private TestServer(TestDatabase database, SampleSettings samples) {
        this.database = database;
        this.samples = samples;
        this.server = PayloadsServer.start(settings(), Clock.systemUTC(), consoleStream());
    }

    static TestServer start() {
        return start(SampleSettings.NONE);
    }

    /** A server that loads these samples into its fresh database. */
    static TestServer start(SampleSettings samples) {
        return new TestServer(TestDatabase.create(), samples);
    }

    ServerSettings settings() {
        return new ServerSettings("127.0.0.1", 0, database.dataDirectory(), database.jdbcUrl(), database.user(),
                database.password(), 8, null, ADMIN_TOKEN, Duration.ofSeconds(2),
                SalesforceSettings.EMBEDDED).withPipeline(PIPELINE).withSamples(samples);
    }

    /** Stops the server and starts a new one on the same database and data directory. */
    void restart() {
        server.close();
        server = PayloadsServer.start(settings(), Clock.systemUTC(), consoleStream());
    }

    PayloadsServer server() {
        return server;
    }

    TestDatabase database() {
        return database;
    }

    String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    /** A request as the admin, sending and accepting JSON. */
    RequestSpecification admin() {
        return anonymous().header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    RequestSpecification anonymous() {
        return given().baseUri("http://localhost").port(server.port()).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            database.close();
        }
    }

    private PrintStream consoleStream() {
        return new PrintStream(console, true, StandardCharsets.UTF_8);
    }
}
