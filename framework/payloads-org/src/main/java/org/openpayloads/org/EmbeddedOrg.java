package org.openpayloads.org;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.hibernate.SessionFactory;
import org.openpayloads.org.auth.ConnectedApps;
import org.openpayloads.org.auth.Secrets;
import org.openpayloads.org.auth.Sessions;
import org.openpayloads.org.auth.Users;
import org.openpayloads.org.data.DeleteEngine;
import org.openpayloads.org.data.RecordRepository;
import org.openpayloads.org.data.WriteEngine;
import org.openpayloads.org.db.OrgDatabase;
import org.openpayloads.org.db.OrgHibernate;
import org.openpayloads.org.db.OrgMigrations;
import org.openpayloads.org.db.Settings;
import org.openpayloads.org.db.Transactions;
import org.openpayloads.org.id.SalesforceId;
import org.openpayloads.org.limits.ApiUsage;
import org.openpayloads.org.query.QueryEngine;
import org.openpayloads.org.query.QueryService;
import org.openpayloads.org.rest.OrgResource;
import org.openpayloads.org.rest.OrgRouter;
import org.openpayloads.org.rest.OrgServices;
import org.openpayloads.org.rest.SchemaImport;
import org.openpayloads.org.schema.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Salesforce-compatible org in the server's database, served on Salesforce's REST paths. Open it with
 * {@link #open}, add its resources to the server's Jersey application with {@link #register}, or call it
 * without HTTP through {@link #handle}: both reach the same dispatcher.
 */
public final class EmbeddedOrg implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedOrg.class);
    /** 62^9: org ids look like real ones, 00D + nine base-62 characters after three zeros. */
    private static final long ORG_NUMBERS = 13_537_086_546_263_552L;

    private final SessionFactory sessionFactory;
    private final OrgServices services;
    private final OrgRouter router;

    private EmbeddedOrg(SessionFactory sessionFactory, OrgServices services) {
        this.sessionFactory = sessionFactory;
        this.services = services;
        this.router = new OrgRouter(services);
    }

    /** Migrates the org's tables, builds its SessionFactory and seeds the standard objects on first start. */
    public static EmbeddedOrg open(OrgSettings settings) {
        OrgDatabase database = OrgDatabase.of(settings.dataSource());
        OrgMigrations.run(settings.dataSource(), database);
        SessionFactory factory = OrgHibernate.sessionFactory(settings.dataSource(), database);
        try {
            Transactions tx = new Transactions(factory);
            Schema schema = new Schema(tx, settings.clock());
            schema.start();
            RecordRepository records = new RecordRepository();
            WriteEngine writes = new WriteEngine(records, settings.clock());
            Settings values = new Settings(tx);
            String orgId = values.getOrCreate("org_id", () -> SalesforceId.of("00D",
                    new SecureRandom().nextLong(ORG_NUMBERS)).value());
            String signingKey = values.getOrCreate("signing_key", () -> Secrets.random(48));
            Users users = new Users(schema, writes, records, tx);
            String administratorId = users.administratorId();
            OrgServices services = new OrgServices(schema, writes, new DeleteEngine(records),
                    records, new QueryService(queryEngine(), records, settings.clock()), new Sessions(tx, settings.clock(),
                    Sessions.DEFAULT_TTL, orgId), new ConnectedApps(tx, settings.clock()), users,
                    new ApiUsage(settings.clock(), values, settings.dailyApiLimit()), tx, settings.clock(),
                    settings.adminSessions(), orgId, signingKey, administratorId);
            LOG.info("Embedded org {} ready on {} ({} objects, SOQL {})", orgId, database.product(),
                    schema.objects().size(), services.queries().available() ? "available" : "not installed");
            return new EmbeddedOrg(factory, services);
        } catch (RuntimeException e) {
            factory.close();
            throw e;
        }
    }

    /** The SOQL engine on the class path, if any; two are a packaging mistake and fail start-up. */
    static Optional<QueryEngine> queryEngine() {
        List<QueryEngine> engines = ServiceLoader.load(QueryEngine.class).stream().map(ServiceLoader.Provider::get)
                .toList();
        if (engines.size() > 1) {
            throw new IllegalStateException("Found " + engines.size() + " SOQL engines: " + engines.stream()
                    .map(e -> e.getClass().getName()).toList() + "; expected one in META-INF/services/"
                    + QueryEngine.class.getName());
        }
        return engines.stream().findFirst();
    }

    /** Adds the org's resources (as classes, with their dependencies bound through HK2). */
    public void register(ResourceConfig config) {
        config.register(OrgResource.Services.class);
        config.register(OrgResource.Admin.class);
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(router).to(OrgRouter.class);
            }
        });
    }

    /** Handles a request in process, exactly as over HTTP. */
    public OrgResponse handle(OrgRequest request) {
        return router.handle(request);
    }

    public ConnectedApps connectedApps() {
        return services.apps();
    }

    public Users users() {
        return services.users();
    }

    public Schema schema() {
        return services.schema();
    }

    /**
     * Creates the custom objects and fields a bundle's {@code org} section declares that the org lacks.
     *
     * @return what was created, as {@code Object} and {@code Object.Field}
     * @see SchemaImport
     */
    public List<String> ensureSchema(JsonNode section) {
        return SchemaImport.ensure(services.schema(), section);
    }

    /** The org's id, {@code 00D...}. */
    public String orgId() {
        return services.orgId();
    }

    @Override
    public void close() {
        try {
            services.usage().save();
        } finally {
            sessionFactory.close();
        }
    }
}
