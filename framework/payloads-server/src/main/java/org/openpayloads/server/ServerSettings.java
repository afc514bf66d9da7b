package org.openpayloads.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.engine.inbound.InboundSettings;
import org.openpayloads.engine.job.RetryPolicy;
import org.openpayloads.engine.job.WorkerSettings;
import org.openpayloads.engine.poll.PollSettings;
import org.openpayloads.store.DatabaseUpkeep;

/**
 * Everything the server needs to start, resolved once. Each setting comes from, in order of precedence:
 * a command-line flag, an environment variable, a properties file ({@code --config}, or
 * {@code PAYLOADS_CONFIG}), then its default.
 *
 * @param dbUrl a JDBC URL; null means the embedded HSQLDB under {@code dataDirectory}
 */
public record ServerSettings(String host, int port, Path dataDirectory, @Nullable String dbUrl, String dbUser,
                             String dbPassword, int poolSize, @Nullable String masterKey,
                             @Nullable String adminToken, Duration shutdownGrace, SalesforceSettings salesforce,
                             MappingSettings mapping, PipelineSettings pipeline, SampleSettings samples,
                             EnvironmentProfile environment, DatabaseUpkeep.Mode dbUpkeep) {

    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_POOL_SIZE = 20;
    static final int MAX_POOL_SIZE = 200;

    public ServerSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port was " + port + "; expected 0 (any free port) to 65535");
        }
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("pool size was " + poolSize + "; expected 1 to " + MAX_POOL_SIZE);
        }
        mapping = mapping == null ? MappingSettings.DEFAULTS : mapping;
        pipeline = pipeline == null ? PipelineSettings.DEFAULTS : pipeline;
        samples = samples == null ? SampleSettings.NONE : samples;
        environment = environment == null ? EnvironmentProfile.SANDBOX : environment;
        dbUpkeep = dbUpkeep == null ? DatabaseUpkeep.Mode.AUTO : dbUpkeep;
    }

    /** Settings whose database upkeep is {@code auto}. */
    public ServerSettings(String host, int port, Path dataDirectory, @Nullable String dbUrl, String dbUser,
                          String dbPassword, int poolSize, @Nullable String masterKey, @Nullable String adminToken,
                          Duration shutdownGrace, SalesforceSettings salesforce, MappingSettings mapping,
                          PipelineSettings pipeline, SampleSettings samples, EnvironmentProfile environment) {
        this(host, port, dataDirectory, dbUrl, dbUser, dbPassword, poolSize, masterKey, adminToken, shutdownGrace,
                salesforce, mapping, pipeline, samples, environment, DatabaseUpkeep.Mode.AUTO);
    }

    /** Settings without samples. */
    public ServerSettings(String host, int port, Path dataDirectory, @Nullable String dbUrl, String dbUser,
                          String dbPassword, int poolSize, @Nullable String masterKey, @Nullable String adminToken,
                          Duration shutdownGrace, SalesforceSettings salesforce, MappingSettings mapping,
                          PipelineSettings pipeline) {
        this(host, port, dataDirectory, dbUrl, dbUser, dbPassword, poolSize, masterKey, adminToken, shutdownGrace,
                salesforce, mapping, pipeline, SampleSettings.NONE, EnvironmentProfile.SANDBOX);
    }

    /** Settings with the pipeline's defaults. */
    public ServerSettings(String host, int port, Path dataDirectory, @Nullable String dbUrl, String dbUser,
                          String dbPassword, int poolSize, @Nullable String masterKey, @Nullable String adminToken,
                          Duration shutdownGrace, SalesforceSettings salesforce, MappingSettings mapping) {
        this(host, port, dataDirectory, dbUrl, dbUser, dbPassword, poolSize, masterKey, adminToken, shutdownGrace,
                salesforce, mapping, PipelineSettings.DEFAULTS);
    }

    /** These settings with another pipeline's. */
    public ServerSettings withPipeline(PipelineSettings newPipeline) {
        return new ServerSettings(host, port, dataDirectory, dbUrl, dbUser, dbPassword, poolSize, masterKey, adminToken,
                shutdownGrace, salesforce, mapping, newPipeline, samples, environment, dbUpkeep);
    }

    /** These settings with other samples. */
    public ServerSettings withSamples(SampleSettings newSamples) {
        return new ServerSettings(host, port, dataDirectory, dbUrl, dbUser, dbPassword, poolSize, masterKey, adminToken,
                shutdownGrace, salesforce, mapping, pipeline, newSamples, environment, dbUpkeep);
    }

    /** These settings in another environment. */
    public ServerSettings withEnvironment(EnvironmentProfile newEnvironment) {
        return new ServerSettings(host, port, dataDirectory, dbUrl, dbUser, dbPassword, poolSize, masterKey, adminToken,
                shutdownGrace, salesforce, mapping, pipeline, samples, newEnvironment, dbUpkeep);
    }

    /** Settings with the mapping engine's defaults. */
    public ServerSettings(String host, int port, Path dataDirectory, @Nullable String dbUrl, String dbUser,
                          String dbPassword, int poolSize, @Nullable String masterKey, @Nullable String adminToken,
                          Duration shutdownGrace, SalesforceSettings salesforce) {
        this(host, port, dataDirectory, dbUrl, dbUser, dbPassword, poolSize, masterKey, adminToken, shutdownGrace,
                salesforce, MappingSettings.DEFAULTS, PipelineSettings.DEFAULTS);
    }

    @Override
    public String toString() {
        return "ServerSettings[host=" + host + ", port=" + port + ", dataDirectory=" + dataDirectory + ", dbUrl="
                + (dbUrl == null ? "(embedded HSQLDB)" : dbUrl) + ", dbUser=" + dbUser + ", poolSize=" + poolSize
                + ", masterKey=" + (masterKey == null ? "(key file)" : "[hidden]") + ", adminToken="
                + (adminToken == null ? "(none)" : "[hidden]") + ", salesforce=" + salesforce + ", mapping=" + mapping + ", pipeline=" + pipeline + ", samples=" + samples + ", environment=" + environment + ", dbUpkeep=" + dbUpkeep + "]";
    }

    /** One setting: its flag, environment variable and property name. */
    enum Setting {
        HOST("--host", "PAYLOADS_HOST", "host"),
        PORT("--port", "PAYLOADS_PORT", "port"),
        DATA_DIR("--data-dir", "PAYLOADS_DATA_DIR", "data.dir"),
        DB_URL("--db-url", "PAYLOADS_DB_URL", "db.url"),
        DB_USER("--db-user", "PAYLOADS_DB_USER", "db.user"),
        DB_PASSWORD("--db-password", "PAYLOADS_DB_PASSWORD", "db.password"),
        POOL_SIZE("--pool-size", "PAYLOADS_DB_POOL_SIZE", "db.pool.size"),
        DB_UPKEEP(null, "PAYLOADS_DB_UPKEEP", "db.upkeep"),
        MASTER_KEY(null, "PAYLOADS_MASTER_KEY", null),
        ADMIN_TOKEN(null, "PAYLOADS_ADMIN_TOKEN", null),
        SHUTDOWN_GRACE_SECONDS(null, "PAYLOADS_SHUTDOWN_GRACE_SECONDS", "shutdown.grace.seconds"),
        SALESFORCE_URL(null, "PAYLOADS_SALESFORCE_URL", "salesforce.url"),
        SALESFORCE_CLIENT_ID(null, "PAYLOADS_SALESFORCE_CLIENT_ID", "salesforce.client.id"),
        SALESFORCE_CLIENT_SECRET(null, "PAYLOADS_SALESFORCE_CLIENT_SECRET", "salesforce.client.secret"),
        ORG_TRANSPORT(null, "PAYLOADS_ORG_TRANSPORT", "org.transport"),
        ORG_DAILY_API_LIMIT(null, "PAYLOADS_ORG_DAILY_API_LIMIT", "org.daily.api.limit"),
        TIME_ZONE(null, "PAYLOADS_TIME_ZONE", "time.zone"),
        LOOKUP_CACHE_SECONDS(null, "PAYLOADS_LOOKUP_CACHE_SECONDS", "lookup.cache.seconds"),
        INBOUND_MAX_BYTES(null, "PAYLOADS_INBOUND_MAX_BYTES", "inbound.max.bytes"),
        SYNC_TIMEOUT_SECONDS(null, "PAYLOADS_SYNC_TIMEOUT_SECONDS", "inbound.sync.timeout.seconds"),
        WORKERS(null, "PAYLOADS_WORKERS", "workers"),
        JOB_LEASE_SECONDS(null, "PAYLOADS_JOB_LEASE_SECONDS", "job.lease.seconds"),
        JOB_POLL_MILLIS(null, "PAYLOADS_JOB_POLL_MILLIS", "job.poll.millis"),
        JOB_MAINTENANCE_SECONDS(null, "PAYLOADS_JOB_MAINTENANCE_SECONDS", "job.maintenance.seconds"),
        JOB_MAX_ATTEMPTS(null, "PAYLOADS_JOB_MAX_ATTEMPTS", "job.max.attempts"),
        RETRY_INITIAL_SECONDS(null, "PAYLOADS_RETRY_INITIAL_SECONDS", "retry.initial.seconds"),
        RETRY_MAX_SECONDS(null, "PAYLOADS_RETRY_MAX_SECONDS", "retry.max.seconds"),
        JOB_RETENTION_DAYS(null, "PAYLOADS_JOB_RETENTION_DAYS", "job.retention.days"),
        CONFIG_CACHE_MILLIS(null, "PAYLOADS_CONFIG_CACHE_MILLIS", "config.cache.millis"),
        POLL_TICK_MILLIS(null, "PAYLOADS_POLL_TICK_MILLIS", "poll.tick.millis"),
        POLL_LEASE_SECONDS(null, "PAYLOADS_POLL_LEASE_SECONDS", "poll.lease.seconds"),
        SAMPLES("--samples", "PAYLOADS_SAMPLES", "samples"),
        ENVIRONMENT("--environment", "PAYLOADS_ENVIRONMENT", "environment");

        final @Nullable String flag;
        final String environment;
        final @Nullable String property;

        Setting(@Nullable String flag, String environment, @Nullable String property) {
            this.flag = flag;
            this.environment = environment;
            this.property = property;
        }
    }

    /**
     * Resolves the settings.
     *
     * @param flags the values given on the command line, by setting
     * @param environment the process environment
     * @param configFile a properties file, or null to use {@code PAYLOADS_CONFIG} when set
     * @throws ConfigException naming every bad setting by the flag, variable or property it came from
     */
    public static ServerSettings resolve(Map<Setting, String> flags, Map<String, String> environment,
                                         @Nullable Path configFile) {
        Path file = configFile != null ? configFile
                : environment.containsKey("PAYLOADS_CONFIG") ? Path.of(environment.get("PAYLOADS_CONFIG")) : null;
        Properties properties = file == null ? new Properties() : load(file);
        Resolver r = new Resolver(flags, environment, properties, file);
        String dbUrl = r.text(Setting.DB_URL, null);
        ServerSettings settings = new ServerSettings(
                r.text(Setting.HOST, "0.0.0.0"),
                r.number(Setting.PORT, DEFAULT_PORT, 0, 65_535),
                Path.of(r.text(Setting.DATA_DIR, "data")).toAbsolutePath().normalize(),
                dbUrl,
                r.text(Setting.DB_USER, dbUrl == null ? "SA" : ""),
                r.text(Setting.DB_PASSWORD, ""),
                r.number(Setting.POOL_SIZE, DEFAULT_POOL_SIZE, 1, MAX_POOL_SIZE),
                r.text(Setting.MASTER_KEY, null),
                r.text(Setting.ADMIN_TOKEN, null),
                Duration.ofSeconds(r.number(Setting.SHUTDOWN_GRACE_SECONDS, 20, 0, 600)),
                salesforce(r),
                mapping(r),
                pipeline(r),
                samples(r, environment),
                environment(r),
                upkeep(r));
        if (!settings.salesforce().embedded()) {
            new EnvironmentGuard(settings.environment()).salesforceLoginProblem(settings.salesforce().loginUrl())
                    .ifPresent(problem -> r.errors.add(new FieldError(r.sourceOf(Setting.SALESFORCE_URL), problem)));
        }
        if (!r.errors.isEmpty()) {
            throw new ConfigException(r.errors);
        }
        if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:") && !dbUrl.startsWith("jdbc:hsqldb:")) {
            throw new ConfigException(r.sourceOf(Setting.DB_URL), "'" + dbUrl.replaceAll("password=[^&;]*", "password=[hidden]")
                    + "' is not supported; expected a jdbc:postgresql: or jdbc:hsqldb: URL");
        }
        return settings;
    }

    private static DatabaseUpkeep.Mode upkeep(Resolver r) {
        String value = r.text(Setting.DB_UPKEEP, "auto");
        return DatabaseUpkeep.Mode.of(value).orElseGet(() -> {
            r.errors.add(new FieldError(r.sourceOf(Setting.DB_UPKEEP), "'" + value + "' is not an upkeep mode; "
                    + "expected auto (when PostgreSQL's autovacuum is off), on or off"));
            return DatabaseUpkeep.Mode.AUTO;
        });
    }

    private static EnvironmentProfile environment(Resolver r) {
        String value = r.text(Setting.ENVIRONMENT, "sandbox").trim();
        for (EnvironmentProfile profile : EnvironmentProfile.values()) {
            if (profile.lowerName().equalsIgnoreCase(value)) {
                return profile;
            }
        }
        r.errors.add(new FieldError(r.sourceOf(Setting.ENVIRONMENT), "'" + value + "' is not an environment; "
                + "expected sandbox or production"));
        return EnvironmentProfile.SANDBOX;
    }

    /** The samples a fresh database gets: {@code stripe} by default, {@code none} for none. */
    private static SampleSettings samples(Resolver r, Map<String, String> environment) {
        String value = r.text(Setting.SAMPLES, String.join(",", SampleSettings.KNOWN)).trim();
        List<String> names = new ArrayList<>();
        if (!value.equalsIgnoreCase("none") && !value.isEmpty()) {
            for (String name : value.split(",")) {
                String sample = name.trim();
                if (!SampleSettings.KNOWN.contains(sample)) {
                    r.errors.add(new FieldError(r.sourceOf(Setting.SAMPLES), "'" + sample + "' is not a sample; "
                            + "expected a comma-separated list of " + SampleSettings.KNOWN + ", or none"));
                } else if (!names.contains(sample)) {
                    names.add(sample);
                }
            }
        }
        return new SampleSettings(names, environment);
    }

    private static MappingSettings mapping(Resolver r) {
        String zoneName = r.text(Setting.TIME_ZONE, "UTC");
        ZoneId zone = ZoneOffset.UTC;
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            r.errors.add(new FieldError(r.sourceOf(Setting.TIME_ZONE), "'" + zoneName + "' is not a time zone; "
                    + "expected a region such as Europe/Paris, or UTC"));
        }
        return new MappingSettings(zone, Duration.ofSeconds(r.number(Setting.LOOKUP_CACHE_SECONDS, 300, 0, 86_400)));
    }

    private static PipelineSettings pipeline(Resolver r) {
        InboundSettings defaults = InboundSettings.DEFAULTS;
        InboundSettings inbound = new InboundSettings(
                r.number(Setting.INBOUND_MAX_BYTES, (int) defaults.maxBodyBytes(), 1, Integer.MAX_VALUE - 8),
                Duration.ofSeconds(r.number(Setting.SYNC_TIMEOUT_SECONDS, (int) defaults.syncTimeout().toSeconds(), 0,
                        600)),
                defaults.inactiveRetryAfter());
        WorkerSettings workers = WorkerSettings.DEFAULTS;
        int initialRetry = r.number(Setting.RETRY_INITIAL_SECONDS, (int) workers.retry().initialDelay().toSeconds(),
                0, 86_400);
        int maxRetry = r.number(Setting.RETRY_MAX_SECONDS, (int) workers.retry().maxDelay().toSeconds(), 0, 604_800);
        if (maxRetry < initialRetry) {
            r.errors.add(new FieldError(r.sourceOf(Setting.RETRY_MAX_SECONDS), "'" + maxRetry + "' is less than "
                    + r.sourceOf(Setting.RETRY_INITIAL_SECONDS) + " (" + initialRetry + "); expected at least that"));
            maxRetry = initialRetry;
        }
        RetryPolicy retry = new RetryPolicy(r.number(Setting.JOB_MAX_ATTEMPTS, workers.retry().maxAttempts(), 1, 100),
                Duration.ofSeconds(initialRetry), Duration.ofSeconds(maxRetry));
        WorkerSettings workerSettings = new WorkerSettings(r.number(Setting.WORKERS, workers.threads(), 1, 256),
                workers.claimBatch(), Duration.ofSeconds(r.number(Setting.JOB_LEASE_SECONDS,
                (int) workers.lease().toSeconds(), 1, 3_600)),
                Duration.ofMillis(r.number(Setting.JOB_POLL_MILLIS, (int) workers.pollInterval().toMillis(), 10,
                        60_000)),
                Duration.ofSeconds(r.number(Setting.JOB_MAINTENANCE_SECONDS,
                        (int) workers.maintenanceInterval().toSeconds(), 1, 3_600)),
                workers.retentionInterval(),
                r.number(Setting.JOB_RETENTION_DAYS, workers.retentionDays(), 1, 36_500), retry);
        PollSettings polls = PollSettings.DEFAULTS;
        Duration tick = Duration.ofMillis(r.number(Setting.POLL_TICK_MILLIS, (int) polls.tick().toMillis(), 10,
                60_000));
        Duration pollLease = Duration.ofSeconds(r.number(Setting.POLL_LEASE_SECONDS, (int) polls.lease().toSeconds(),
                1, 3_600));
        if (pollLease.compareTo(tick.multipliedBy(3)) < 0) {
            r.errors.add(new FieldError(r.sourceOf(Setting.POLL_LEASE_SECONDS), "'" + pollLease.toSeconds() + "' is "
                    + "less than three polling ticks (" + tick.toMillis() + " ms each); expected at least "
                    + (tick.multipliedBy(3).toMillis() + 999) / 1000));
            pollLease = tick.multipliedBy(3);
        }
        return new PipelineSettings(inbound, workerSettings, Duration.ofMillis(r.number(Setting.CONFIG_CACHE_MILLIS,
                (int) PipelineSettings.DEFAULTS.configCacheTtl().toMillis(), 0, 600_000)),
                new PollSettings(tick, pollLease, polls.maxItemsPerPoll(), polls.maxPollsPerRun()));
    }

    private static SalesforceSettings salesforce(Resolver r) {
        String url = r.text(Setting.SALESFORCE_URL, null);
        String clientId = r.text(Setting.SALESFORCE_CLIENT_ID, null);
        String clientSecret = r.text(Setting.SALESFORCE_CLIENT_SECRET, null);
        if (url != null) {
            if (!url.matches("(?i)https?://[^/\\s]+/?")) {
                r.errors.add(new FieldError(r.sourceOf(Setting.SALESFORCE_URL), "'" + url + "' is not a login URL; "
                        + "expected for example https://login.salesforce.com or https://test.salesforce.com"));
            }
            if (clientId == null) {
                r.errors.add(new FieldError(r.sourceOf(Setting.SALESFORCE_CLIENT_ID), "is required when "
                        + "PAYLOADS_SALESFORCE_URL is set: the connected app's consumer key"));
            }
            if (clientSecret == null) {
                r.errors.add(new FieldError(r.sourceOf(Setting.SALESFORCE_CLIENT_SECRET), "is required when "
                        + "PAYLOADS_SALESFORCE_URL is set: the connected app's consumer secret"));
            }
        }
        String transport = r.text(Setting.ORG_TRANSPORT, "in-process");
        SalesforceSettings.OrgTransport orgTransport = switch (transport.toLowerCase(java.util.Locale.ROOT)) {
            case "in-process" -> SalesforceSettings.OrgTransport.IN_PROCESS;
            case "http" -> SalesforceSettings.OrgTransport.HTTP;
            default -> {
                r.errors.add(new FieldError(r.sourceOf(Setting.ORG_TRANSPORT), "'" + transport
                        + "' is not a transport; expected in-process or http"));
                yield SalesforceSettings.OrgTransport.IN_PROCESS;
            }
        };
        int limit = r.number(Setting.ORG_DAILY_API_LIMIT, (int) SalesforceSettings.DEFAULT_DAILY_API_LIMIT, 1,
                Integer.MAX_VALUE);
        if (url != null && (clientId == null || clientSecret == null)) {
            return SalesforceSettings.EMBEDDED;
        }
        return new SalesforceSettings(url == null ? null : url.replaceAll("/$", ""), clientId, clientSecret,
                orgTransport, limit);
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new ConfigException("--config", "cannot read '" + file + "' (" + e.getMessage()
                    + "); expected a readable properties file");
        }
    }

    private static final class Resolver {
        private final Map<Setting, String> flags;
        private final Map<String, String> environment;
        private final Properties properties;
        private final @Nullable Path file;
        private final List<FieldError> errors = new ArrayList<>();

        Resolver(Map<Setting, String> flags, Map<String, String> environment, Properties properties,
                 @Nullable Path file) {
            this.flags = flags;
            this.environment = environment;
            this.properties = properties;
            this.file = file;
        }

        @Nullable String text(Setting setting, @Nullable String defaultValue) {
            String value = lookup(setting);
            return value == null || value.isBlank() ? defaultValue : value.trim();
        }

        int number(Setting setting, int defaultValue, int min, int max) {
            String value = text(setting, null);
            if (value == null) {
                return defaultValue;
            }
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            errors.add(new FieldError(sourceOf(setting), "'" + value + "' is not valid; expected a whole number from "
                    + min + " to " + max));
            return defaultValue;
        }

        /** Where a setting's value came from, as a user would look for it. */
        String sourceOf(Setting setting) {
            if (setting.flag != null && flags.containsKey(setting)) {
                return setting.flag;
            }
            if (environment.containsKey(setting.environment)) {
                return setting.environment;
            }
            if (setting.property != null && properties.containsKey(setting.property)) {
                return setting.property + " in " + file;
            }
            return setting.environment;
        }

        private @Nullable String lookup(Setting setting) {
            if (flags.containsKey(setting)) {
                return flags.get(setting);
            }
            if (environment.containsKey(setting.environment)) {
                return environment.get(setting.environment);
            }
            return setting.property == null ? null : properties.getProperty(setting.property);
        }
    }
}
