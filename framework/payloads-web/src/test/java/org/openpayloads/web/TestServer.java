package org.openpayloads.web;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.job.JobService;
import org.openpayloads.engine.security.AdminTokenService;

/**
 * The admin API on a random port of a real Grizzly server, over in-memory repositories, with one admin token
 * (named {@value #ADMIN}) already issued. For tests; close it after use.
 */
public final class TestServer implements AutoCloseable {

    public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    public static final String ADMIN = "test-admin";

    public final InMemoryJobs jobs = new InMemoryJobs();
    public final InMemoryTokens tokenStore = new InMemoryTokens();
    public final AdminTokenService tokens;
    public final ConfigurationService configuration;
    /** The admin token's value, for {@code Authorization: Bearer}. */
    public final String token;
    private final HttpServer server;
    private final int port;

    private TestServer(List<HealthCheck> healthChecks) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        configuration = new ConfigurationService(new InMemoryIntegrations(clock), new InMemoryPayloads(clock),
                new InMemoryCredentials(clock));
        tokens = new AdminTokenService(tokenStore, clock);
        token = tokens.issue(ADMIN, "test").value();
        WebServices services = new WebServices(configuration, new JobService(jobs), tokens, healthChecks);
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
                WebApplication.create(services), false);
        // Without this, Grizzly itself answers a DELETE (or GET) that has a body with an empty 400, before Jersey.
        server.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
        try {
            server.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot start the test server", e);
        }
        port = server.getListeners().iterator().next().getPort();
    }

    public static TestServer start(HealthCheck... healthChecks) {
        return new TestServer(List.of(healthChecks));
    }

    /** A request with the admin token. */
    public RequestSpecification given() {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    /** A request without any token. */
    public RequestSpecification anonymous() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(port).urlEncodingEnabled(true);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
