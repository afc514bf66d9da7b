package org.openpayloads.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.api.connector.Watermark;
import org.openpayloads.engine.port.PollStates;

/**
 * Polling state in plain JDBC: the lease is one row per integration, taken by a conditional UPDATE (or the
 * INSERT of the first), so two processes cannot both hold it; a watermark is saved in the same transaction as
 * a check that its process still holds the lease, whose row that check locks until the commit.
 */
final class JdbcPollStates implements PollStates {

    private static final int ERROR_MAX = 4000;
    private static final String INTEGRATION_ID = "(SELECT id FROM integration WHERE api_name = ?)";
    private static final String PAYLOAD_ID = "(SELECT p.id FROM payload p JOIN integration i ON i.id = "
            + "p.integration_id WHERE i.api_name = ? AND p.api_name = ?)";

    private final DataSource dataSource;
    private final Sql sql;

    JdbcPollStates(DataSource dataSource, Database database) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.sql = new Sql(database);
    }

    @Override
    public boolean lease(String integration, String owner, Instant now, Duration lease) {
        Instant at = micros(now);
        return inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE poll_lease SET owner = ?, expires_at = ? "
                    + "WHERE integration_id = " + INTEGRATION_ID + " AND (owner = ? OR expires_at <= ?)")) {
                update.setString(1, owner);
                sql.setInstant(update, 2, at.plus(lease));
                update.setString(3, integration);
                update.setString(4, owner);
                sql.setInstant(update, 5, at);
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            if (holder(connection, integration).isPresent()) {
                return false;
            }
            long integrationId = integrationId(connection, integration);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO poll_lease (integration_id, owner, expires_at) VALUES (?, ?, ?)")) {
                insert.setLong(1, integrationId);
                insert.setString(2, owner);
                sql.setInstant(insert, 3, at.plus(lease));
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (Sql.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    // Another process inserted the first lease row at the same time; PostgreSQL has aborted
                    // this transaction, which is ended here so that the commit that follows is a no-op.
                    connection.rollback();
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public void release(String owner) {
        inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM poll_lease WHERE owner = ?")) {
                statement.setString(1, owner);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Lease> holder(String integration) {
        return inTransaction(connection -> holder(connection, integration));
    }

    @Override
    public Optional<PollState> find(String integration, String payload) {
        return inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT watermark_position, "
                    + "watermark_last_id, backfill_from, last_polled_at, caught_up, last_error, items_taken "
                    + "FROM poll_state WHERE payload_id = " + PAYLOAD_ID)) {
                statement.setString(1, integration);
                statement.setString(2, payload);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    long position = row.getLong(1);
                    Watermark watermark = row.wasNull() ? null : new Watermark(position, row.getString(2));
                    return Optional.of(new PollState(watermark, sql.getInstant(row, 3), sql.getInstant(row, 4),
                            row.getBoolean(5), row.getString(6), row.getLong(7)));
                }
            }
        });
    }

    @Override
    public boolean save(String integration, String payload, String owner, Instant now, PollState state) {
        return inTransaction(connection -> {
            // Locks the lease row until the commit: the lease cannot pass to another process in between.
            try (PreparedStatement check = connection.prepareStatement("UPDATE poll_lease SET owner = owner WHERE "
                    + "integration_id = " + INTEGRATION_ID + " AND owner = ? AND expires_at > ?")) {
                check.setString(1, integration);
                check.setString(2, owner);
                sql.setInstant(check, 3, micros(now));
                if (check.executeUpdate() != 1) {
                    return false;
                }
            }
            long payloadId = payloadId(connection, integration, payload);
            try (PreparedStatement update = connection.prepareStatement("UPDATE poll_state SET watermark_position = ?, "
                    + "watermark_last_id = ?, backfill_from = ?, last_polled_at = ?, caught_up = ?, last_error = ?, "
                    + "items_taken = ? WHERE payload_id = ?")) {
                int next = bindState(update, state);
                update.setLong(next, payloadId);
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO poll_state (watermark_position, "
                    + "watermark_last_id, backfill_from, last_polled_at, caught_up, last_error, items_taken, "
                    + "payload_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                int next = bindState(insert, state);
                insert.setLong(next, payloadId);
                insert.executeUpdate();
                return true;
            }
        });
    }

    @Override
    public void reset(String integration, String payload) {
        inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM poll_state WHERE payload_id = "
                    + PAYLOAD_ID)) {
                statement.setString(1, integration);
                statement.setString(2, payload);
                return statement.executeUpdate();
            }
        });
    }

    private int bindState(PreparedStatement statement, PollState state) throws SQLException {
        Watermark watermark = state.watermark();
        if (watermark == null) {
            statement.setNull(1, Types.BIGINT);
            statement.setNull(2, Types.VARCHAR);
        } else {
            statement.setLong(1, watermark.position());
            statement.setString(2, watermark.lastId());
        }
        sql.setInstant(statement, 3, state.backfillFrom());
        sql.setInstant(statement, 4, state.lastPolledAt() == null ? null : micros(state.lastPolledAt()));
        statement.setBoolean(5, state.caughtUp());
        statement.setString(6, Sql.cut(state.lastError(), ERROR_MAX));
        statement.setLong(7, state.itemsTaken());
        return 8;
    }

    private Optional<Lease> holder(Connection connection, String integration) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT owner, expires_at FROM poll_lease "
                + "WHERE integration_id = " + INTEGRATION_ID)) {
            statement.setString(1, integration);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new Lease(row.getString(1), sql.getInstant(row, 2))) : Optional.empty();
            }
        }
    }

    private static long integrationId(Connection connection, String integration) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM integration WHERE api_name = ?")) {
            statement.setString(1, integration);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw NotFoundException.of("integration", integration);
                }
                return row.getLong(1);
            }
        }
    }

    private static long payloadId(Connection connection, String integration, String payload) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT p.id FROM payload p JOIN integration i "
                + "ON i.id = p.integration_id WHERE i.api_name = ? AND p.api_name = ?")) {
            statement.setString(1, integration);
            statement.setString(2, payload);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw NotFoundException.of("payload", integration + "/" + payload);
                }
                return row.getLong(1);
            }
        }
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private <T> T inTransaction(Sql.Work<T> work) {
        try {
            return Sql.inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new IllegalStateException("The polling state's database call failed: " + e.getMessage(), e);
        }
    }
}
