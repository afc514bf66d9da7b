package org.openpayloads.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void theUrlPrefixPicksTheDatabase() {
        assertThat(Database.of("jdbc:hsqldb:file:/data/db/payloads")).contains(Database.HSQLDB);
        assertThat(Database.of("JDBC:HSQLDB:mem:x")).contains(Database.HSQLDB);
        assertThat(Database.of("jdbc:postgresql://db:5432/payloads")).contains(Database.POSTGRESQL);
        assertThat(Database.of("jdbc:mysql://db/payloads")).isEmpty();
        assertThat(Database.of("postgresql://db")).isEmpty();
    }

    @Test
    void eachDatabaseFillsEveryPlaceholder() {
        for (Database database : Database.values()) {
            assertThat(database.placeholders()).containsOnlyKeys("bytes", "text", "timestamp", "whereQueuedOrHeld",
                    "whereUnfinished", "whereRunning");
        }
        assertThat(Database.POSTGRESQL.placeholders()).containsEntry("whereRunning", "WHERE status = 'RUNNING'");
        assertThat(Database.HSQLDB.placeholders()).containsEntry("whereRunning", "");
        assertThat(Database.POSTGRESQL.placeholders()).containsEntry("bytes", "BYTEA");
        assertThat(Database.HSQLDB.placeholders()).containsEntry("bytes", "VARBINARY(16777216)");
        assertThat(Database.HSQLDB.product()).isEqualTo("HSQLDB");
        assertThat(Database.POSTGRESQL.product()).isEqualTo("PostgreSQL");
    }
}
