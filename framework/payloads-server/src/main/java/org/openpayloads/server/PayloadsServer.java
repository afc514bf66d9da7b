package org.openpayloads.server;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.connector.Connectors;
import org.openpayloads.api.records.RecordClient;
import org.openpayloads.engine.config.CachedConfiguration;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.inbound.InboundAuthenticator;
import org.openpayloads.engine.inbound.InboundService;
import org.openpayloads.engine.job.JobRunner;
import org.openpayloads.engine.job.JobService;
import org.openpayloads.engine.job.JobWorkers;
import org.openpayloads.engine.mapping.LookupCache;
import org.openpayloads.engine.mapping.MappingCompiler;
import org.openpayloads.engine.mapping.MappingEngine;
import org.openpayloads.engine.mapping.MappingService;
import org.openpayloads.engine.parse.BodyParser;
import org.openpayloads.engine.parse.ParseLimits;
import org.openpayloads.engine.poll.Pollers;
import org.openpayloads.engine.security.AdminTokenService;
import org.openpayloads.store.crypto.MasterKey;
import org.openpayloads.store.DatabaseUpkeep;
import org.openpayloads.store.Store;
import org.openpayloads.web.bundle.BundleImporter;
import org.openpayloads.web.json.ApiJson;
import org.openpayloads.store.StoreSettings;
import org.openpayloads.web.HealthCheck;
import org.openpayloads.web.WebApplication;
import org.openpayloads.web.WebServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running OpenPayloads server: the store opened, the services wired, the HTTP server listening.
 * {@link #close()} stops taking requests, lets running ones finish within the grace period, then closes
 * the store.
 */
public final class PayloadsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PayloadsServer.class);
    /** Compiled payloads kept; a payload is compiled again only when it changes. */
    private static final int MAXIMUM_PLANS = 10_000;
    private static final long LOOKUP_ENTRIES = 100_000;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int HTTP_THREADS = 64;

    private final ServerSettings settings;
    private final Store store;
    private final DefaultOrg org;
    private final HttpServer http;
    private final int port;
    private final MappingService mapping;
    private final JobWorkers workers;
    private final Pollers pollers;

    private PayloadsServer(ServerSettings settings, Store store, DefaultOrg org, HttpServer http, int port,
                           MappingService mapping, JobWorkers workers, Pollers pollers) {
        this.pollers = pollers;
        this.settings = settings;
        this.store = store;
        this.org = org;
        this.http = http;
        this.port = port;
        this.mapping = mapping;
        this.workers = workers;
    }

    /**
     * Starts a server.
     *
     * @param console where a newly issued first admin token is printed, once
     */
    public static PayloadsServer start(ServerSettings settings, Clock clock, PrintStream console) {
        long started = System.nanoTime();
        MasterKey key = MasterKey.load(settings.masterKey(), settings.dataDirectory().resolve("master.key"));
        String url = settings.dbUrl() != null ? settings.dbUrl() : StoreSettings.hsqldbUrl(settings.dataDirectory());
        Store store = Store.open(new StoreSettings(url, settings.dbUser(), settings.dbPassword(), settings.poolSize(),
                key));
        DefaultOrg org = null;
        HttpServer http = null;
        JobWorkers workers = null;
        Pollers pollers = null;
        try {
            store.startUpkeep(settings.dbUpkeep(), DatabaseUpkeep.DEFAULT_INTERVAL);
            AdminTokenService tokens = new AdminTokenService(store.adminTokens(), clock);
            tokens.bootstrap(settings.adminToken()).ifPresent(issued -> printFirstToken(console, issued.value()));
            org = DefaultOrg.open(settings.salesforce(), store, tokens, key, clock);
            PipelineSettings pipeline = settings.pipeline();
            ConnectorApis apis = new ConnectorApis(Connectors.load(PayloadsServer.class.getClassLoader()),
                    store.credentials()::resolve, settings.environment(), clock, pipeline.configCacheTtl());
            ConfigurationService configuration = new ConfigurationService(store.integrations(), store.payloads(),
                    store.credentials(), new EnvironmentGuard(settings.environment()), apis);
            DefaultOrg targetOrg = org;
            SampleIntegrations.load(settings.samples(), store, configuration, new BundleImporter(configuration,
                    ApiJson.newMapper(), targetOrg::ensureSchema), clock);
            BodyParser parser = new BodyParser(ParseLimits.DEFAULTS);
            MappingService mapping = new MappingService(configuration, parser, new MappingCompiler(MAXIMUM_PLANS),
                    new MappingEngine(new LookupCache(settings.mapping().lookupCacheTtl(), LOOKUP_ENTRIES),
                            store.credentials()::resolve, clock, settings.mapping().zone()),
                    integration -> targetOrg.client(), apis);
            CachedConfiguration cached = new CachedConfiguration(configuration, store.credentials(),
                    pipeline.configCacheTtl());
            workers = new JobWorkers(store.jobQueue(), new JobRunner(cached, mapping, pipeline.workers().retry(), clock),
                    pipeline.workers(), clock);
            InboundService inbound = new InboundService(cached, new InboundAuthenticator(clock), parser,
                    store.jobQueue(), store.jobs(), workers, pipeline.inbound());
            JobService jobs = new JobService(store.jobs(), store.jobQueue(), cached, parser, workers::wake);
            pollers = new Pollers(configuration, store.pollStates(), apis, inbound, pipeline.polling(), clock,
                    workers.workerId());
            ResourceConfig application = WebApplication.create(new WebServices(configuration, jobs, tokens, mapping,
                    inbound, List.of(databaseCheck(store)), pollers));
            org.register(application);
            URI uri = URI.create("http://" + settings.host() + ":" + settings.port() + "/");
            http = GrizzlyHttpServerFactory.createHttpServer(uri, application, false);
            takeInboundPostsBeforeJersey(http, inbound);
            // Lets a DELETE or GET with a body reach Jersey, instead of Grizzly's bare 400.
            http.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
            // Webhook senders may send long headers; up to this size they reach the application, which
            // answers in the JSON error form. Past it, Grizzly answers a bare 400.
            http.getListeners().forEach(listener -> {
                // Grizzly's default pool has two threads per core; a request here waits for the database (an
                // inbound one until its job is committed, a sync one for its job), so it needs more.
                listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                        .setPoolName("payloads-http").setCorePoolSize(HTTP_THREADS).setMaxPoolSize(HTTP_THREADS));
                listener.setMaxHttpHeaderSize(MAX_HEADER_BYTES);
                // Webhook senders keep their connections; Grizzly would close each after 256 requests.
                listener.getKeepAlive().setMaxRequestsCount(-1);
                listener.registerAddOn(new DeclineH2cUpgrade());
            });
            http.start();
            int port = http.getListeners().iterator().next().getPort();
            org.connect(URI.create("http://localhost:" + port + "/"));
            workers.start();
            pollers.start();
            LOG.info("OpenPayloads ready on http://{}:{} ({}, {} ms)", displayHost(settings.host()), port,
                    store.databaseProduct(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return new PayloadsServer(settings, store, org, http, port, mapping, workers, pollers);
        } catch (IOException e) {
            closeQuietly(pollers, workers, org, store);
            throw new UncheckedIOException("Cannot listen on " + settings.host() + ":" + settings.port()
                    + " (" + e.getMessage() + "); is another server using the port? Pick one with --port", e);
        } catch (RuntimeException e) {
            if (http != null) {
                http.shutdownNow();
            }
            closeQuietly(pollers, workers, org, store);
            throw e;
        }
    }

    /** Puts {@link InboundFastPath} in front of Jersey, under the same mappings. */
    private static void takeInboundPostsBeforeJersey(HttpServer http, InboundService inbound) {
        ServerConfiguration configuration = http.getServerConfiguration();
        Map<HttpHandler, HttpHandlerRegistration[]> handlers = Map.copyOf(configuration.getHttpHandlersWithMapping());
        if (handlers.size() != 1) {
            throw new IllegalStateException("Expected Jersey as the only HTTP handler, found " + handlers.keySet());
        }
        Map.Entry<HttpHandler, HttpHandlerRegistration[]> jersey = handlers.entrySet().iterator().next();
        configuration.removeHttpHandler(jersey.getKey());
        configuration.addHttpHandler(new InboundFastPath(jersey.getKey(), inbound, ApiJson.newMapper()),
                jersey.getValue());
    }

    public int port() {
        return port;
    }

    /** The base URI clients use, on the loopback address. */
    public URI baseUri() {
        return URI.create("http://localhost:" + port + "/");
    }

    Store store() {
        return store;
    }

    /** The mapping engine by integration and payload name, as the admin API and the inbound pipeline use it. */
    MappingService mapping() {
        return mapping;
    }

    JobWorkers workers() {
        return workers;
    }

    DefaultOrg defaultOrg() {
        return org;
    }

    /** The connector client of the default Salesforce org, through which the engine writes and looks up. */
    public RecordClient defaultOrgClient() {
        return org.client();
    }

    @Override
    public void close() {
        LOG.info("Shutting down: waiting up to {} s for requests in progress", settings.shutdownGrace().toSeconds());
        try {
            http.shutdown(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS).get(
                    settings.shutdownGrace().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            http.shutdownNow();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Requests still running after the grace period were cut off", e);
            http.shutdownNow();
        } finally {
            closeQuietly(pollers, workers, org, store);
            LOG.info("Stopped");
        }
    }

    /**
     * Stops the workers (running jobs finish within the grace period; the rest run again when their leases
     * expire), then closes the org (its client flushes pending writes) before the store whose pool both use.
     */
    private static void closeQuietly(@Nullable Pollers pollers, @Nullable JobWorkers workers,
                                     @Nullable DefaultOrg org, Store store) {
        try {
            if (pollers != null) {
                pollers.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("The pollers did not stop cleanly", e);
        }
        try {
            if (workers != null) {
                workers.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("The workers did not stop cleanly", e);
        }
        try {
            if (org != null) {
                org.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("The default org did not close cleanly", e);
        } finally {
            store.close();
        }
    }

    private static HealthCheck databaseCheck(Store store) {
        return new HealthCheck() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public boolean isUp() {
                return store.isHealthy();
            }
        };
    }

    private static void printFirstToken(PrintStream console, String token) {
        console.println();
        console.println("  First admin token (shown once; only its hash is stored):");
        console.println();
        console.println("    " + token);
        console.println();
        console.println("  Use it as:  curl -H 'Authorization: Bearer " + token + "' http://localhost:8080/api/v1/integrations");
        console.println("  Or set PAYLOADS_ADMIN_TOKEN to choose the first token yourself.");
        console.println();
        console.flush();
    }

    private static String displayHost(String host) {
        return host.equals("0.0.0.0") ? "localhost" : host;
    }
}
