package org.openpayloads.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Plain JDBC for the job queue: what it must do differently on each database (instants: PostgreSQL keeps a
 * time zone, HSQLDB keeps UTC wall-clock time, as Hibernate writes it; the next value of a sequence), and
 * a transaction on a connection of the pool.
 */
final class Sql {

    static final String UNIQUE_VIOLATION = "23505";

    private final Database database;

    Sql(Database database) {
        this.database = database;
    }

    void setInstant(PreparedStatement statement, int index, @Nullable Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, database == Database.POSTGRESQL ? Types.TIMESTAMP_WITH_TIMEZONE : Types.TIMESTAMP);
        } else if (database == Database.POSTGRESQL) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else {
            statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    @Nullable Instant getInstant(ResultSet row, int index) throws SQLException {
        if (database == Database.POSTGRESQL) {
            OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
        LocalDateTime value = row.getObject(index, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /**
     * Runs {@code work} in a transaction of its own on a connection of {@code dataSource}: committed when it
     * returns, rolled back when it throws.
     */
    static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * Text as a column keeps it: at most {@code max} characters, without the NUL characters PostgreSQL refuses
     * in text (an error message may quote a value that has one).
     */
    static @Nullable String cut(@Nullable String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
        return clean.length() <= max ? clean : clean.substring(0, max);
    }

    /** The SQL expression of a sequence's next value. */
    String nextValue(String sequence) {
        return database == Database.POSTGRESQL ? "nextval('" + sequence + "')" : "NEXT VALUE FOR " + sequence;
    }

    /** Work on a connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
