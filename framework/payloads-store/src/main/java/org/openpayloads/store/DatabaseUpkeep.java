package org.openpayloads.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vacuums and analyzes the tables of the store's PostgreSQL schema when the server's autovacuum is off, as
 * autovacuum would with its default thresholds. Every job is written three times (queued, claimed,
 * finished), so without a vacuum the queue's indexes fill with dead entries that every claim walks past,
 * and without an analyze the planner takes a table of thousands of rows for an empty one: lookups then
 * read a whole index instead of probing it.
 *
 * <p>Runs on PostgreSQL only. One round at a time per schema, across all servers sharing it, under an
 * advisory lock; a round that finds the lock taken is skipped.
 */
public final class DatabaseUpkeep implements AutoCloseable {

    /** When the upkeep runs. */
    public enum Mode {
        /** When the PostgreSQL server's autovacuum is off. */
        AUTO,
        /** Always, beside autovacuum. */
        ON,
        /** Never: the database's administrator keeps the tables. */
        OFF;

        /** The mode named {@code value}, in any case. */
        public static Optional<Mode> of(String value) {
            for (Mode mode : values()) {
                if (mode.name().equalsIgnoreCase(value.trim())) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    /** What a round does to one table. */
    enum Action {
        NONE(null), ANALYZE("ANALYZE"), VACUUM("VACUUM (ANALYZE)");

        private final String command;

        Action(String command) {
            this.command = command;
        }
    }

    /** What one round did to one table, and how long it took. */
    record Done(String table, String command, long millis) {
    }

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    // autovacuum's defaults: autovacuum_vacuum_threshold and _scale_factor, autovacuum_analyze_threshold and
    // _scale_factor.
    static final long VACUUM_THRESHOLD = 50;
    static final double VACUUM_SCALE = 0.2;
    static final long ANALYZE_THRESHOLD = 50;
    static final double ANALYZE_SCALE = 0.1;
    /** The advisory lock's first key; the second is the schema's hash. */
    static final int LOCK_CLASS = 0x4F505550; // "OPUP"

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUpkeep.class);

    private final DataSource dataSource;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "payloads-db-upkeep");
        thread.setDaemon(true);
        return thread;
    });

    /** The VACUUM or ANALYZE running now, cancelled when the upkeep closes. */
    private volatile @Nullable Statement running;
    private volatile boolean closed;

    private DatabaseUpkeep(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Starts the upkeep of the store's schema if {@code mode} and the database call for it.
     *
     * @return the running upkeep, to close before the store; empty on HSQLDB, with {@link Mode#OFF}, and with
     *     {@link Mode#AUTO} when autovacuum is on
     */
    static Optional<DatabaseUpkeep> start(Store store, Mode mode, Duration interval) {
        Objects.requireNonNull(mode, "mode");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        if (store.database() != Database.POSTGRESQL || mode == Mode.OFF) {
            return Optional.empty();
        }
        if (mode == Mode.AUTO && autovacuumOn(store.dataSource())) {
            LOG.debug("PostgreSQL's autovacuum is on; the store leaves vacuuming to it");
            return Optional.empty();
        }
        LOG.info(mode == Mode.AUTO
                ? "PostgreSQL's autovacuum is off: the server vacuums and analyzes its own tables every {} s "
                + "(PAYLOADS_DB_UPKEEP=off stops it)"
                : "The server vacuums and analyzes its own tables every {} s (PAYLOADS_DB_UPKEEP=on)",
                interval.toSeconds());
        DatabaseUpkeep upkeep = new DatabaseUpkeep(store.dataSource());
        upkeep.scheduler.scheduleWithFixedDelay(upkeep::runQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return Optional.of(upkeep);
    }

    /** An upkeep whose rounds run only when asked, for tests. */
    static DatabaseUpkeep manual(Store store) {
        if (store.database() != Database.POSTGRESQL) {
            throw new IllegalArgumentException("the upkeep runs on PostgreSQL only, not on "
                    + store.database().product());
        }
        return new DatabaseUpkeep(store.dataSource());
    }

    /** What autovacuum would do now to a table with these counts. */
    static Action due(long live, long dead, long modifiedSinceAnalyze) {
        if (dead > VACUUM_THRESHOLD + VACUUM_SCALE * live) {
            return Action.VACUUM;
        }
        if (modifiedSinceAnalyze > ANALYZE_THRESHOLD + ANALYZE_SCALE * live) {
            return Action.ANALYZE;
        }
        return Action.NONE;
    }

    /**
     * One round: each table of the schema that is due is vacuumed or analyzed.
     *
     * @return what was done, in order; empty when nothing was due or another server holds the round
     */
    List<Done> runOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // VACUUM refuses to run inside a transaction block.
            connection.setAutoCommit(true);
            try {
                if (!lock(connection, "pg_try_advisory_lock")) {
                    return List.of();
                }
                try {
                    List<Done> done = new ArrayList<>();
                    for (TableCounts table : counts(connection)) {
                        Action action = due(table.live, table.dead, table.modified);
                        if (action != Action.NONE && !closed) {
                            long started = System.nanoTime();
                            try (Statement statement = connection.createStatement()) {
                                running = statement;
                                statement.execute(action.command + " " + quoted(table.name));
                            } finally {
                                running = null;
                            }
                            done.add(new Done(table.name, action.command,
                                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
                        }
                    }
                    return done;
                } finally {
                    lock(connection, "pg_advisory_unlock");
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private void runQuietly() {
        try {
            for (Done done : runOnce()) {
                LOG.debug("{} {}: {} ms", done.command(), done.table(), done.millis());
            }
        } catch (SQLException | RuntimeException e) {
            if (!closed) {
                LOG.warn("Database upkeep failed; trying again in the next round: {}", e.getMessage());
            }
        }
    }

    private static boolean autovacuumOn(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('autovacuum')")) {
            return row.next() && "on".equalsIgnoreCase(row.getString(1));
        } catch (SQLException e) {
            // Unknown: leave the tables to the database, as a server with autovacuum on would.
            LOG.warn("Cannot read PostgreSQL's autovacuum setting ({}); the store leaves vacuuming to the "
                    + "database", e.getMessage());
            return true;
        }
    }

    private static boolean lock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function
                + "(?, hashtext(current_schema()))")) {
            statement.setInt(1, LOCK_CLASS);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private record TableCounts(String name, long live, long dead, long modified) {
    }

    private static List<TableCounts> counts(Connection connection) throws SQLException {
        List<TableCounts> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT relname, n_live_tup, n_dead_tup, n_mod_since_analyze "
                     + "FROM pg_stat_user_tables WHERE schemaname = current_schema() ORDER BY relname")) {
            while (rows.next()) {
                tables.add(new TableCounts(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4)));
            }
        }
        return tables;
    }

    private static String quoted(String table) {
        return '"' + table.replace("\"", "\"\"") + '"';
    }

    /** Stops the rounds; a VACUUM in progress is cancelled, so that a shutdown never waits for a big table. */
    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        Statement statement = running;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                LOG.debug("Cannot cancel the upkeep's statement", e);
            }
        }
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The database upkeep did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
