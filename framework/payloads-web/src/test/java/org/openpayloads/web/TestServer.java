package org.openpayloads.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.connector.PollPage;
import org.openpayloads.api.connector.Watermark;
import org.openpayloads.api.records.FieldDescription;
import org.openpayloads.api.records.ObjectDescription;
import org.openpayloads.api.records.RecordClient;
import org.openpayloads.engine.config.CachedConfiguration;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.config.CredentialPolicy;
import org.openpayloads.engine.inbound.InboundAuthenticator;
import org.openpayloads.engine.inbound.InboundService;
import org.openpayloads.engine.inbound.InboundSettings;
import org.openpayloads.engine.job.JobRunner;
import org.openpayloads.engine.job.JobService;
import org.openpayloads.engine.job.JobWorkers;
import org.openpayloads.engine.job.WorkerSettings;
import org.openpayloads.engine.mapping.CredentialResolver;
import org.openpayloads.engine.mapping.LookupCache;
import org.openpayloads.engine.mapping.MappingCompiler;
import org.openpayloads.engine.mapping.MappingEngine;
import org.openpayloads.engine.mapping.MappingService;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.parse.BodyParser;
import org.openpayloads.engine.parse.ParseLimits;
import org.openpayloads.engine.poll.PollSettings;
import org.openpayloads.engine.poll.Pollers;
import org.openpayloads.engine.port.CredentialRepository;
import org.openpayloads.engine.port.ExternalApis;
import org.openpayloads.engine.port.InMemoryJobQueue;
import org.openpayloads.engine.port.PollStates;
import org.openpayloads.engine.security.AdminTokenService;
import org.openpayloads.testkit.InMemoryRecordClient;
import org.openpayloads.testkit.SettableClock;

/**
 * The admin API and the inbound endpoint on a random port of a real Grizzly server, over in-memory repositories
 * and an in-memory job queue, with one admin token (named {@value #ADMIN}) already issued. The workers are not
 * started: a test that needs queued jobs run calls {@code pipeline.workers().start()}, or claims them from
 * {@link #jobs} itself. A server started with {@link #polling} has pollers (never started) over the polling state
 * given, and an API connector that offers every trigger; others do not poll. For tests; close it after use.
 */
public final class TestServer implements AutoCloseable {

    public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    public static final String ADMIN = "test-admin";

    /** The clock of everything the server does; it stands at {@link #NOW} until a test moves it. */
    public final SettableClock clock = new SettableClock(NOW);
    public final InMemoryTokens tokenStore = new InMemoryTokens();
    public final AdminTokenService tokens;
    public final ConfigurationService configuration;
    public final MappingService mapping;
    /** The job queue, which the server also reads jobs from. */
    public final InMemoryJobQueue jobs;
    public final Pipeline pipeline;
    /** The org that targets write to: an Account and a Contact with a few fields each. */
    public final InMemoryRecordClient org = new InMemoryRecordClient(List.of(
            object("Account", field("Name", "string", 255), field("AnnualRevenue", "currency", 0),
                    field("Stripe_Customer_Id__c", "string", 255)),
            object("Contact", field("LastName", "string", 80), field("Email", "email", 80),
                    field("AccountId", "reference", 18))));
    /** The admin token's value, for {@code Authorization: Bearer}. */
    public final String token;
    /** The pollers' owner name, as leases show it. */
    public static final String POLLER = "test-poller";
    /** An API connector that offers every trigger, and reads and polls nothing. */
    static final ExternalApis EVERY_TRIGGER = new ExternalApis() {
        @Override
        public JsonNode get(String integration, String credential, String path) {
            throw new IllegalStateException("the test server reads no API");
        }

        @Override
        public List<FieldError> checkTrigger(CredentialType type, String trigger, Map<String, String> options) {
            return List.of();
        }

        @Override
        public PollPage poll(String integration, String credential, String trigger, Map<String, String> options,
                             @Nullable Watermark after, @Nullable Instant since, int maxItems) {
            throw new IllegalStateException("the test server polls no API");
        }
    };

    private final HttpServer server;
    private final int port;
    private final @Nullable Pollers pollers;

    private TestServer(List<HealthCheck> healthChecks, @Nullable PollStates pollStates) {
        InMemoryCredentials credentials = new InMemoryCredentials(clock);
        configuration = new ConfigurationService(new InMemoryIntegrations(clock), new InMemoryPayloads(clock),
                credentials, CredentialPolicy.NONE, pollStates == null ? ExternalApis.NONE : EVERY_TRIGGER);
        tokens = new AdminTokenService(tokenStore, clock);
        token = tokens.issue(ADMIN, "test").value();
        mapping = mappingService(configuration, credentials::resolve, clock, org);
        pipeline = Pipeline.create(configuration, credentials, mapping, clock);
        jobs = pipeline.queue();
        pollers = pollStates == null ? null : new Pollers(configuration, pollStates, EVERY_TRIGGER,
                pipeline.inbound(), PollSettings.DEFAULTS, clock, POLLER);
        WebServices services = new WebServices(configuration, pipeline.jobs(), tokens, mapping, pipeline.inbound(),
                healthChecks, pollers);
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

    /** The mapping engine over {@code configuration}, writing to {@code org}. */
    public static MappingService mappingService(ConfigurationService configuration, CredentialResolver credentials,
                                                Clock clock, RecordClient org) {
        return new MappingService(configuration, new BodyParser(ParseLimits.DEFAULTS), new MappingCompiler(100),
                new MappingEngine(LookupCache.disabled(), credentials, clock, ZoneOffset.UTC), integration -> org);
    }

    /**
     * The inbound pipeline over an in-memory queue: the intake, the workers (not started) and the job service,
     * as the server wires them; the configuration is read without a cache, so a change shows at once.
     */
    public record Pipeline(InMemoryJobQueue queue, JobWorkers workers, InboundService inbound, JobService jobs) {

        public static Pipeline create(ConfigurationService configuration, CredentialRepository credentials,
                                      MappingService mapping, Clock clock) {
            CachedConfiguration cached = new CachedConfiguration(configuration, credentials, Duration.ZERO);
            BodyParser parser = new BodyParser(ParseLimits.DEFAULTS);
            InMemoryJobQueue queue = new InMemoryJobQueue(clock, InMemoryJobQueue.Catalog.over(configuration));
            WorkerSettings settings = WorkerSettings.DEFAULTS;
            JobWorkers workers = new JobWorkers(queue, new JobRunner(cached, mapping, settings.retry(), clock),
                    settings, clock);
            InboundService inbound = new InboundService(cached, new InboundAuthenticator(clock), parser, queue,
                    queue, workers, InboundSettings.DEFAULTS);
            return new Pipeline(queue, workers, inbound, new JobService(queue, queue, cached, parser, workers::wake));
        }
    }

    private static ObjectDescription object(String name, FieldDescription... fields) {
        Map<String, FieldDescription> byName = new LinkedHashMap<>();
        byName.put("Id", field("Id", "id", 18));
        for (FieldDescription field : fields) {
            byName.put(field.name(), field);
        }
        return new ObjectDescription(name, byName);
    }

    private static FieldDescription field(String name, String type, int length) {
        return new FieldDescription(name, type, length, true, true, true, name.endsWith("__c"), false, List.of(),
                List.of());
    }

    public static TestServer start(HealthCheck... healthChecks) {
        return new TestServer(List.of(healthChecks), null);
    }

    /** A server whose pollers (never started) keep their state in {@code states}. */
    public static TestServer polling(PollStates states) {
        return new TestServer(List.of(), states);
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
        try {
            server.shutdownNow();
        } finally {
            if (pollers != null) {
                pollers.close();
            }
            pipeline.workers().close(1_000);
        }
    }
}
