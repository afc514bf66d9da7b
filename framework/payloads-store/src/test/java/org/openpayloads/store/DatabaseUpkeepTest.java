package org.openpayloads.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.store.DatabaseUpkeep.Action;
import org.openpayloads.store.DatabaseUpkeep.Done;
import org.openpayloads.store.DatabaseUpkeep.Mode;
import org.openpayloads.store.StoreTesting.OpenStore;
import org.openpayloads.testkit.TestDatabase;

/** The vacuum upkeep: autovacuum's thresholds, and real rounds on PostgreSQL (in the PostgreSQL run). */
@Tag("database")
class DatabaseUpkeepTest {

    @Test
    void thresholdsAreAutovacuumDefaults() {
        // 50 rows plus 20 % of the live ones dead: a vacuum (which also analyzes).
        assertThat(DatabaseUpkeep.due(1_000, 250, 0)).isEqualTo(Action.NONE);
        assertThat(DatabaseUpkeep.due(1_000, 251, 0)).isEqualTo(Action.VACUUM);
        assertThat(DatabaseUpkeep.due(1_000, 251, 5_000)).isEqualTo(Action.VACUUM);
        // 50 rows plus 10 % of the live ones changed since the last analyze: an analyze.
        assertThat(DatabaseUpkeep.due(1_000, 0, 150)).isEqualTo(Action.NONE);
        assertThat(DatabaseUpkeep.due(1_000, 0, 151)).isEqualTo(Action.ANALYZE);
        // A table filled from empty and never analyzed: the planner's view of it is what goes wrong.
        assertThat(DatabaseUpkeep.due(0, 0, 4_000)).isEqualTo(Action.ANALYZE);
        assertThat(DatabaseUpkeep.due(0, 0, 50)).isEqualTo(Action.NONE);
    }

    @Test
    void modesAreReadInAnyCase() {
        assertThat(Mode.of("auto")).contains(Mode.AUTO);
        assertThat(Mode.of(" OFF ")).contains(Mode.OFF);
        assertThat(Mode.of("On")).contains(Mode.ON);
        assertThat(Mode.of("sometimes")).isEmpty();
    }

    @Test
    void nothingRunsOnHsqldbOrWhenOff() {
        try (OpenStore open = OpenStore.create()) {
            assertThat(DatabaseUpkeep.start(open.store(), Mode.OFF, Duration.ofSeconds(1))).isEmpty();
            if (open.database().kind() == TestDatabase.Kind.HSQLDB) {
                assertThat(DatabaseUpkeep.start(open.store(), Mode.ON, Duration.ofSeconds(1))).isEmpty();
                assertThatThrownBy(() -> DatabaseUpkeep.manual(open.store()))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not on HSQLDB");
            }
        }
        assertThatThrownBy(() -> DatabaseUpkeep.start(null, Mode.ON, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval must be positive");
    }

    @Test
    void theStoreRunsOneUpkeepUntilItCloses() {
        try (OpenStore open = OpenStore.create()) {
            boolean postgresql = open.database().kind() == TestDatabase.Kind.POSTGRESQL;
            assertThat(open.store().startUpkeep(Mode.ON, Duration.ofMillis(50))).isEqualTo(postgresql);
            if (postgresql) {
                assertThatThrownBy(() -> open.store().startUpkeep(Mode.ON, Duration.ofMillis(50)))
                        .isInstanceOf(IllegalStateException.class).hasMessage("the store's upkeep runs already");
            }
        }
    }

    @Test
    void vacuumsTheChurnedTableAndAnalyzesTheFilledOne() throws SQLException {
        try (OpenStore open = OpenStore.create()) {
            assumeTrue(open.database().kind() == TestDatabase.Kind.POSTGRESQL, "PostgreSQL only");
            DatabaseUpkeep upkeep = DatabaseUpkeep.manual(open.store());
            try (Connection connection = open.store().dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("CREATE TABLE upkeep_churned (id INT PRIMARY KEY, n INT)");
                statement.execute("INSERT INTO upkeep_churned SELECT g, 0 FROM generate_series(1, 1000) g");
                filled(statement, "upkeep_filled");
                statement.execute("ANALYZE upkeep_churned");
                statement.execute("VACUUM upkeep_churned");
                for (int i = 0; i < 3; i++) {
                    // Every row rewritten: 1,000 dead versions a time, five times the threshold in all.
                    statement.execute("UPDATE upkeep_churned SET n = n + 1");
                }
                // Counters reach the statistics views when a session goes idle; this one is flushed now.
                statement.execute("SELECT pg_stat_force_next_flush()");
            }
            List<Done> done = upkeep.runOnce();

            assertThat(done).extracting(Done::table, Done::command).contains(
                    tuple("upkeep_churned", "VACUUM (ANALYZE)"),
                    tuple("upkeep_filled", "ANALYZE"));
            assertThat(counts("upkeep_churned", open)).isEqualTo("dead=0 vacuumed=true analyzed=true");
            assertThat(counts("upkeep_filled", open)).isEqualTo("dead=0 vacuumed=false analyzed=true");
            // The next round finds nothing due.
            assertThat(upkeep.runOnce()).extracting(Done::table).doesNotContain("upkeep_churned", "upkeep_filled");
        }
    }

    @Test
    void oneRoundAtATimePerSchema() throws SQLException {
        try (OpenStore open = OpenStore.create()) {
            assumeTrue(open.database().kind() == TestDatabase.Kind.POSTGRESQL, "PostgreSQL only");
            try (Connection other = open.store().dataSource().getConnection();
                 Statement statement = other.createStatement()) {
                other.setAutoCommit(true);
                filled(statement, "upkeep_filled");
                // Another server's round holds the lock.
                statement.execute("SELECT pg_advisory_lock(" + DatabaseUpkeep.LOCK_CLASS
                        + ", hashtext(current_schema()))");
                assertThat(DatabaseUpkeep.manual(open.store()).runOnce()).isEmpty();
                statement.execute("SELECT pg_advisory_unlock(" + DatabaseUpkeep.LOCK_CLASS
                        + ", hashtext(current_schema()))");
            }
            assertThat(DatabaseUpkeep.manual(open.store()).runOnce()).extracting(Done::table).contains("upkeep_filled");
        }
    }

    @Test
    void closingCancelsAVacuumInProgress() throws Exception {
        try (OpenStore open = OpenStore.create()) {
            assumeTrue(open.database().kind() == TestDatabase.Kind.POSTGRESQL, "PostgreSQL only");
            DatabaseUpkeep upkeep = DatabaseUpkeep.manual(open.store());
            try (Connection holder = open.store().dataSource().getConnection();
                 Statement statement = holder.createStatement()) {
                holder.setAutoCommit(true);
                filled(statement, "upkeep_blocked");
                // A lock that ANALYZE waits for, as it would behind a long-running maintenance command.
                holder.setAutoCommit(false);
                statement.execute("LOCK TABLE upkeep_blocked IN SHARE UPDATE EXCLUSIVE MODE");
                CompletableFuture<List<Done>> round = CompletableFuture.supplyAsync(() -> {
                    try {
                        return upkeep.runOnce();
                    } catch (SQLException e) {
                        throw new CompletionException(e);
                    }
                });
                awaitWaiting(open, "ANALYZE \"upkeep_blocked\"");
                upkeep.close();

                assertThatThrownBy(() -> round.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .hasMessageContaining("canceling statement due to user request");
                holder.rollback();
            }
        }
    }

    /** A new table of 1,000 rows, never analyzed, its counts flushed to the statistics views. */
    private static void filled(Statement statement, String table) throws SQLException {
        statement.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY)");
        statement.execute("INSERT INTO " + table + " SELECT g FROM generate_series(1, 1000) g");
        // Counters reach the statistics views when a session goes idle; this one is flushed now.
        statement.execute("SELECT pg_stat_force_next_flush()");
    }

    /** Waits until a session of the test database runs {@code query} and waits for a lock. */
    private static void awaitWaiting(OpenStore open, String query) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection connection = open.store().dataSource().getConnection()) {
            connection.setAutoCommit(true);
            while (System.nanoTime() < deadline) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM "
                        + "pg_stat_activity WHERE query = ? AND wait_event_type = 'Lock'")) {
                    statement.setString(1, query);
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        if (row.getInt(1) == 1) {
                            return;
                        }
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no session waited on a lock running " + query);
    }

    private static String counts(String table, OpenStore open) throws SQLException {
        try (Connection connection = open.store().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT n_dead_tup, last_vacuum IS NOT NULL, "
                     + "last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE schemaname = current_schema() "
                     + "AND relname = '" + table + "'")) {
            assertThat(row.next()).as("statistics of %s", table).isTrue();
            return "dead=" + row.getLong(1) + " vacuumed=" + row.getBoolean(2) + " analyzed=" + row.getBoolean(3);
        }
    }
}
