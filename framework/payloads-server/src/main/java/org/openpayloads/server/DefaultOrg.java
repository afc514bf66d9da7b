package org.openpayloads.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.jersey.server.ResourceConfig;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.connector.ConnectorContext;
import org.openpayloads.api.connector.ConnectorListener;
import org.openpayloads.api.connector.Connectors;
import org.openpayloads.api.connector.HttpTransport;
import org.openpayloads.api.connector.JdkHttpTransport;
import org.openpayloads.api.connector.RecordConnector;
import org.openpayloads.api.records.RecordClient;
import org.openpayloads.engine.security.AdminTokenService;
import org.openpayloads.org.EmbeddedOrg;
import org.openpayloads.org.OrgSettings;
import org.openpayloads.store.Store;
import org.openpayloads.store.crypto.MasterKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's default Salesforce org, and the one connector client that reaches it: the embedded org
 * (in process or over HTTP), or a real org named by {@code PAYLOADS_SALESFORCE_URL}. Either way every
 * write and lookup goes through the Salesforce connector; only its credential and transport differ.
 */
final class DefaultOrg implements AutoCloseable {

    /** The embedded org's connected app that the server's own connector client logs in with. */
    static final String EMBEDDED_CLIENT_ID = "openpayloads-server";

    private static final Logger LOG = LoggerFactory.getLogger(DefaultOrg.class);

    private final SalesforceSettings settings;
    private final @Nullable EmbeddedOrg embedded;
    private final String embeddedClientSecret;
    private final Clock clock;
    private final UsageListener usage = new UsageListener();
    private @Nullable RecordClient client;
    private @Nullable InProcessTransport inProcess;

    private DefaultOrg(SalesforceSettings settings, @Nullable EmbeddedOrg embedded, String embeddedClientSecret,
                       Clock clock) {
        this.settings = settings;
        this.embedded = embedded;
        this.embeddedClientSecret = embeddedClientSecret;
        this.clock = clock;
    }

    /** Opens the embedded org in the store's database, unless a real org is configured. */
    static DefaultOrg open(SalesforceSettings settings, Store store, AdminTokenService tokens, MasterKey key,
                           Clock clock) {
        if (!settings.embedded()) {
            LOG.info("Default Salesforce org: {} (client credentials flow)", settings.loginUrl());
            return new DefaultOrg(settings, null, "", clock);
        }
        EmbeddedOrg org = EmbeddedOrg.open(new OrgSettings(store.dataSource(), clock, settings.dailyApiLimit(),
                token -> tokens.authenticate(token).isPresent()));
        // Derived from the master key, so every server sharing the database logs in with the same secret.
        String secret = key.derive("embedded-org/" + EMBEDDED_CLIENT_ID);
        org.connectedApps().ensure("OpenPayloads server", EMBEDDED_CLIENT_ID, secret);
        return new DefaultOrg(settings, org, secret, clock);
    }

    /** Serves the embedded org's REST paths on the server's HTTP port. */
    void register(ResourceConfig application) {
        if (embedded != null) {
            embedded.register(application);
        }
    }

    /** How long a write to the embedded org waits for others to share its sObject Collections call. */
    private static final String EMBEDDED_LINGER_MILLIS = "5";

    /**
     * Creates the custom objects and fields a bundle's {@code org} section declares, in the embedded org. A
     * real org's schema is its admins' to change: they are logged, for them to create.
     */
    List<String> ensureSchema(JsonNode section) {
        if (embedded != null) {
            return embedded.ensureSchema(section);
        }
        LOG.warn("The Salesforce org at {} needs these custom objects and fields, which OpenPayloads does not "
                + "create in a real org: {}", settings.loginUrl(), section);
        return List.of();
    }

    /** Opens the connector client, once the server listens: its base URL is the embedded org's instance URL. */
    void connect(URI serverBaseUri) {
        String base = serverBaseUri.toString().replaceAll("/$", "");
        RecordConnector connector = Connectors.load(DefaultOrg.class.getClassLoader())
                .require("salesforce", RecordConnector.class);
        Map<String, String> config = embedded == null
                ? Map.of("loginUrl", settings.loginUrl(), "clientId", settings.clientId(),
                        "clientSecret", settings.clientSecret())
                // The embedded org answers in about a millisecond: a short linger batches concurrent jobs'
                // writes without holding each job long.
                : Map.of("loginUrl", base, "clientId", EMBEDDED_CLIENT_ID, "clientSecret", embeddedClientSecret,
                        "lingerMillis", EMBEDDED_LINGER_MILLIS);
        HttpTransport transport = embedded != null && settings.transport() == SalesforceSettings.OrgTransport.IN_PROCESS
                ? new InProcessTransport(embedded, base) : new JdkHttpTransport();
        if (transport instanceof InProcessTransport inProcess) {
            this.inProcess = inProcess;
        }
        client = connector.connect(new ConnectorContext(clock, transport, usage), config);
        LOG.info("Default Salesforce org: {}", embedded == null ? settings.loginUrl()
                : "embedded, " + settings.transport().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    /** The connector client of the default org; every engine write and lookup goes through it. */
    RecordClient client() {
        if (client == null) {
            throw new IllegalStateException("the default org is not connected yet; call connect() once the server listens");
        }
        return client;
    }

    Optional<EmbeddedOrg> embedded() {
        return Optional.ofNullable(embedded);
    }

    /** The API usage the org last reported in Sforce-Limit-Info: used, then max; -1 before the first call. */
    long[] apiUsage() {
        return new long[] {usage.used.get(), usage.max.get()};
    }

    @Override
    public void close() {
        try {
            if (client != null) {
                client.close();
            }
            if (inProcess != null) {
                inProcess.close();
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** Keeps the last reported API usage, the metric the connector feeds from Sforce-Limit-Info. */
    private static final class UsageListener implements ConnectorListener {
        final AtomicLong used = new AtomicLong(-1);
        final AtomicLong max = new AtomicLong(-1);

        @Override
        public void limitUsage(String connection, long usedCalls, long maxCalls) {
            used.set(usedCalls);
            max.set(maxCalls);
        }

        @Override
        public void warn(String message) {
            LOG.warn("Default Salesforce org: {}", message);
        }
    }
}
