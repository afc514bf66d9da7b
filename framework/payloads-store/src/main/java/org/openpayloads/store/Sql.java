package org.openpayloads.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * What plain JDBC must do differently on each database: instants (PostgreSQL keeps a time zone, HSQLDB
 * keeps UTC wall-clock time, as Hibernate writes it) and the next value of a sequence.
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

    /** The SQL expression of a sequence's next value. */
    String nextValue(String sequence) {
        return database == Database.POSTGRESQL ? "nextval('" + sequence + "')" : "NEXT VALUE FOR " + sequence;
    }
}
