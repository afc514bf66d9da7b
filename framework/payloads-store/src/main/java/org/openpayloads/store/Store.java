package org.openpayloads.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.SessionFactory;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConflictException;
import org.openpayloads.engine.port.AdminTokenRepository;
import org.openpayloads.engine.port.CredentialRepository;
import org.openpayloads.engine.port.IntegrationRepository;
import org.openpayloads.engine.port.JobQueue;
import org.openpayloads.engine.port.JobRepository;
import org.openpayloads.engine.port.PayloadRepository;
import org.openpayloads.engine.port.PollStates;
import org.openpayloads.store.crypto.SecretCipher;
import org.openpayloads.store.entity.SettingEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store: the engine's repositories on one database. {@link #open} connects one pool, migrates the
 * schema with Flyway, builds Hibernate on the same pool and checks the master key; {@link #close} undoes
 * it all. Thread-safe; open one per process.
 */
public final class Store implements AutoCloseable {

    static final String POOL_NAME = "payloads";
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    private static final int HEALTH_TIMEOUT_SECONDS = 2;
    private static final long CONNECTION_TIMEOUT_MILLIS = 10_000;

    private static final int SETTING_NAME_MAX = 100;

    private final Database database;
    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final IntegrationRepository integrations;
    private final PayloadRepository payloads;
    private final CredentialRepository credentials;
    private final JobRepository jobs;
    private final JdbcJobQueue jobQueue;
    private final AdminTokenRepository adminTokens;
    private final PollStates pollStates;
    private final Transactions transactions;
    private final ExecutorService healthExecutor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "payloads-store-health");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<@Nullable CompletableFuture<Boolean>> healthCheck = new AtomicReference<>();
    private final AtomicReference<@Nullable DatabaseUpkeep> upkeep = new AtomicReference<>();

    private Store(Database database, HikariDataSource dataSource, SessionFactory sessionFactory,
                  Transactions transactions, SecretCipher cipher) {
        this.database = database;
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.transactions = transactions;
        PayloadTrees trees = new PayloadTrees();
        this.integrations = new HibernateIntegrationRepository(transactions, trees);
        this.payloads = new HibernatePayloadRepository(transactions, trees);
        this.credentials = new HibernateCredentialRepository(transactions, cipher);
        this.jobQueue = new JdbcJobQueue(dataSource, database, transactions.clock());
        this.jobs = new HibernateJobRepository(transactions, jobQueue);
        this.adminTokens = new HibernateAdminTokenRepository(transactions);
        this.pollStates = new JdbcPollStates(dataSource, database);
    }

    /**
     * Opens the store.
     *
     * @throws org.openpayloads.api.ConfigException on field {@code PAYLOADS_MASTER_KEY} when the master
     *     key is not the one that encrypted this database's secrets
     * @throws IllegalStateException when the database cannot be reached or migrated, or its schema does not
     *     match the entities
     */
    public static Store open(StoreSettings settings) {
        return open(settings, Clock.systemUTC());
    }

    static Store open(StoreSettings settings, Clock clock) {
        long started = System.nanoTime();
        Database database = settings.database();
        HikariDataSource dataSource = pool(settings);
        @Nullable SessionFactory sessionFactory = null;
        try {
            Migrations.run(dataSource, database);
            sessionFactory = HibernateBoot.sessionFactory(dataSource, database);
            Transactions transactions = new Transactions(sessionFactory, clock);
            SecretCipher cipher = new SecretCipher(settings.masterKey());
            KeyCheck.verify(transactions, cipher, settings.masterKey());
            Store store = new Store(database, dataSource, sessionFactory, transactions, cipher);
            LOG.info("Opened the {} store in {} ms", database.product(), (System.nanoTime() - started) / 1_000_000);
            return store;
        } catch (RuntimeException e) {
            shutDown(database, dataSource, sessionFactory);
            throw e;
        }
    }

    public IntegrationRepository integrations() {
        return integrations;
    }

    public PayloadRepository payloads() {
        return payloads;
    }

    public CredentialRepository credentials() {
        return credentials;
    }

    public JobRepository jobs() {
        return jobs;
    }

    /** The queue the inbound pipeline's intake and workers share. */
    public JobQueue jobQueue() {
        return jobQueue;
    }

    /** The POLLING payloads' watermarks, and the integrations' polling leases. */
    public PollStates pollStates() {
        return pollStates;
    }

    public AdminTokenRepository adminTokens() {
        return adminTokens;
    }

    /** A named value the store keeps about itself, such as which sample integrations it has loaded. */
    public Optional<String> setting(String name) {
        return transactions.read(session -> Optional.ofNullable(session.find(SettingEntity.class, name))
                .map(SettingEntity::getValue));
    }

    /**
     * Stores a named value unless one is stored already.
     *
     * @return true when this call stored it; false when the name was taken, perhaps by another process
     */
    public boolean putSettingIfAbsent(String name, String value) {
        if (name.isEmpty() || name.length() > SETTING_NAME_MAX) {
            throw new IllegalArgumentException("setting name '" + name + "' must be 1 to " + SETTING_NAME_MAX
                    + " characters");
        }
        if (setting(name).isPresent()) {
            return false;
        }
        try {
            return transactions.write(null, () -> new ConflictException(name, "stored meanwhile"), session -> {
                session.persist(new SettingEntity(name, value));
                return true;
            });
        } catch (ConflictException e) {
            return false;
        }
    }

    /**
     * The connection pool, shared with modules that keep their own tables in the same database (the
     * embedded org). It is closed with the store.
     */
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    /** "HSQLDB" or "PostgreSQL". */
    public String databaseProduct() {
        return database.product();
    }

    /**
     * Whether a cheap query on the store's tables answers within {@value #HEALTH_TIMEOUT_SECONDS} seconds.
     * Never throws, and never waits longer, even when the pool itself waits for a dead database: the query
     * runs on a thread of its own, and one that is still running is not started again.
     */
    public boolean isHealthy() {
        if (dataSource.isClosed()) {
            return false;
        }
        CompletableFuture<Boolean> check = healthCheck.updateAndGet(running -> running == null || running.isDone()
                ? CompletableFuture.supplyAsync(this::probe, healthExecutor) : running);
        try {
            return check.get(HEALTH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debug("Store health check failed or timed out", e);
            return false;
        }
    }

    private boolean probe() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(HEALTH_TIMEOUT_SECONDS);
            statement.execute("SELECT COUNT(*) FROM store_setting");
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Store health query failed", e);
            return false;
        }
    }

    /** Closes Hibernate, shuts an embedded HSQLDB down cleanly (so the next start is fast), closes the pool. */
    @Override
    public void close() {
        healthExecutor.shutdownNow();
        DatabaseUpkeep running = upkeep.getAndSet(null);
        if (running != null) {
            running.close();
        }
        jobQueue.close();
        shutDown(database, dataSource, sessionFactory);
    }

    /**
     * Starts vacuuming and analyzing this database's tables where {@code mode} calls for it (see
     * {@link DatabaseUpkeep}); it stops when the store closes.
     *
     * @return whether the upkeep runs
     */
    public boolean startUpkeep(DatabaseUpkeep.Mode mode, Duration interval) {
        DatabaseUpkeep started = DatabaseUpkeep.start(this, mode, interval).orElse(null);
        if (started != null && !upkeep.compareAndSet(null, started)) {
            started.close();
            throw new IllegalStateException("the store's upkeep runs already");
        }
        return started != null;
    }

    Database database() {
        return database;
    }

    SessionFactory sessionFactory() {
        return sessionFactory;
    }

    private static HikariDataSource pool(StoreSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        if (settings.database() == Database.POSTGRESQL) {
            // Keeps bound values (request bodies, ciphertext) out of the driver's exception messages.
            config.addDataSourceProperty("logServerErrorDetail", "false");
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot connect to the database at "
                    + StoreSettings.withoutPassword(settings.jdbcUrl()) + " as user '" + settings.user() + "': "
                    + rootMessage(e) + "; check that the database runs and the URL and user are right", e);
        }
    }

    private static void shutDown(Database database, HikariDataSource dataSource,
                                 @Nullable SessionFactory sessionFactory) {
        try {
            if (sessionFactory != null) {
                sessionFactory.close();
            }
        } finally {
            try {
                if (database == Database.HSQLDB && !dataSource.isClosed()) {
                    shutDownHsqldb(dataSource);
                }
            } finally {
                dataSource.close();
            }
        }
    }

    /** Without SHUTDOWN, HSQLDB replays its log on the next start, which takes seconds. */
    private static void shutDownHsqldb(HikariDataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.warn("HSQLDB did not shut down cleanly; its next start replays the log: {}", e.getMessage());
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public String toString() {
        return "Store[" + database.product() + ", pool " + POOL_NAME + "]";
    }
}
