package org.openpayloads.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.openpayloads.testkit.SettableClock;
import org.openpayloads.testkit.TestDatabase;

/** Helpers shared by the org's tests: an open org on a test database, over HTTP or in process. */
public final class OrgTesting {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    public static final String BASE = "/services/data/v62.0";
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("../../../shared/fixtures/salesforce");

    private OrgTesting() {
    }

    /** An org on a fresh test database, with a pool of its own and a clock the test moves. */
    public static final class OpenOrg implements AutoCloseable {

        public final TestDatabase database;
        public final HikariDataSource dataSource;
        public final SettableClock clock;
        public EmbeddedOrg org;
        private final long limit;

        private OpenOrg(long limit) {
            this.limit = limit;
            this.database = TestDatabase.create();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(database.jdbcUrl());
            config.setUsername(database.user());
            config.setPassword(database.password());
            config.setMaximumPoolSize(12);
            this.dataSource = new HikariDataSource(config);
            this.clock = new SettableClock(Instant.parse("2026-03-04T05:06:07.123Z"));
            this.org = EmbeddedOrg.open(settings());
        }

        public static OpenOrg create() {
            return new OpenOrg(1_000_000);
        }

        public static OpenOrg create(long dailyLimit) {
            return new OpenOrg(dailyLimit);
        }

        public OrgSettings settings() {
            return new OrgSettings(dataSource, clock, limit, ADMIN_TOKEN::equals);
        }

        /** Closes the org and opens it again on the same database, as a restarted server would. */
        public void reopen() {
            org.close();
            org = EmbeddedOrg.open(settings());
        }

        /** An in-process request as the administrator. */
        public OrgResponse call(String method, String path, String body) {
            return callAs(ADMIN_TOKEN, method, path, body);
        }

        public OrgResponse callAs(String token, String method, String path, String body) {
            int q = path.indexOf('?');
            return org.handle(new OrgRequest(method, q < 0 ? path : path.substring(0, q),
                    q < 0 ? null : path.substring(q + 1), token == null ? Map.of() : Map.of("Authorization",
                    "Bearer " + token), body.getBytes(StandardCharsets.UTF_8), "http://org.test"));
        }

        /** The body of an in-process answer, parsed. */
        public JsonNode json(String method, String path, String body) {
            return parse(call(method, path, body).bodyText());
        }

        @Override
        public void close() {
            try {
                org.close();
            } finally {
                dataSource.close();
                database.close();
            }
        }
    }

    /** An org behind a real Grizzly server on a random port, with a catch-all mapper like the server's. */
    public static final class HttpOrg implements AutoCloseable {

        public final OpenOrg open;
        private final HttpServer server;
        public final int port;

        private HttpOrg(OpenOrg open) {
            this.open = open;
            ResourceConfig config = new ResourceConfig();
            config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
            config.register(CatchAll.class);
            open.org.register(config);
            server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config, false);
            server.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
            try {
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            port = server.getListeners().iterator().next().getPort();
        }

        public static HttpOrg start() {
            return new HttpOrg(OpenOrg.create());
        }

        public static HttpOrg start(long dailyLimit) {
            return new HttpOrg(OpenOrg.create(dailyLimit));
        }

        public RequestSpecification anonymous() {
            return RestAssured.given().baseUri("http://127.0.0.1").port(port).urlEncodingEnabled(false);
        }

        public RequestSpecification admin() {
            return as(ADMIN_TOKEN);
        }

        public RequestSpecification as(String token) {
            return anonymous().header("Authorization", "Bearer " + token).contentType("application/json");
        }

        public String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        public void close() {
            try {
                server.shutdownNow();
            } finally {
                open.close();
            }
        }
    }

    /** Stands in for the admin API's mapper: an answer from it means an exception escaped the org. */
    public static final class CatchAll implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable exception) {
            return Response.status(599).entity("escaped: " + exception).build();
        }
    }

    public static String fixture(String name) {
        try {
            return Files.readString(FIXTURES.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing fixture " + name + " under " + FIXTURES.toAbsolutePath(), e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + json, e);
        }
    }
}
