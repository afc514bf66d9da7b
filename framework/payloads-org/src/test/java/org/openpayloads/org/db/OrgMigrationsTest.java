package org.openpayloads.org.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.AdminSessions;
import org.openpayloads.org.EmbeddedOrg;
import org.openpayloads.org.OrgSettings;
import org.openpayloads.testkit.TestDatabase;

@Tag("database")
class OrgMigrationsTest {

    @Test
    void theOrgMigratesBesideTheServersTablesWithAHistoryOfItsOwn() throws Exception {
        try (TestDatabase database = TestDatabase.create(); HikariDataSource pool = pool(database)) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                // The server's own schema history and a table of it, as a real server has when the org first opens.
                s.execute("CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY)");
                s.execute("CREATE TABLE integration (id BIGINT NOT NULL PRIMARY KEY)");
            }
            OrgDatabase kind = OrgDatabase.of(pool);
            assertThat(kind.product()).isEqualTo(database.kind() == TestDatabase.Kind.HSQLDB ? "HSQLDB" : "PostgreSQL");
            try (EmbeddedOrg org = EmbeddedOrg.open(new OrgSettings(pool, Clock.systemUTC(), 10, AdminSessions.NONE))) {
                assertThat(org.schema().objects()).isNotEmpty();
            }
            OrgMigrations.run(pool, kind);
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT \"version\" FROM \"" + OrgMigrations.HISTORY_TABLE + "\""
                         + " ORDER BY \"installed_rank\"")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("0");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("1");
                if (kind == OrgDatabase.HSQLDB) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("2");
                }
                assertThat(rows.next()).isFalse();
            }
        }
    }

    @Test
    void onHsqldbRecordsAndTheirKeysAreCachedTables() throws Exception {
        try (TestDatabase database = TestDatabase.create(); HikariDataSource pool = pool(database)) {
            assumeTrue(OrgDatabase.of(pool) == OrgDatabase.HSQLDB, "HSQLDB's table types");
            OrgMigrations.run(pool, OrgDatabase.HSQLDB);
            Map<String, String> types = new TreeMap<>();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT LOWER(table_name), hsqldb_type FROM "
                         + "information_schema.system_tables WHERE table_schem = CURRENT_SCHEMA")) {
                while (rows.next()) {
                    types.put(rows.getString(1), rows.getString(2));
                }
            }
            assertThat(types).containsEntry("org_record", "CACHED").containsEntry("org_record_key", "CACHED")
                    .containsEntry("org_object", "MEMORY").containsEntry("org_field", "MEMORY");
        }
    }

    @Test
    void placeholdersAndDatabasesByProductName() {
        for (OrgDatabase database : OrgDatabase.values()) {
            assertThat(database.placeholders()).containsOnlyKeys("text", "timestamp");
        }
        assertThat(OrgDatabase.ofProductName("HSQL Database Engine")).isEqualTo(OrgDatabase.HSQLDB);
        assertThat(OrgDatabase.ofProductName("PostgreSQL")).isEqualTo(OrgDatabase.POSTGRESQL);
        assertThatThrownBy(() -> OrgDatabase.ofProductName("MySQL")).hasMessageContaining("'MySQL'");
    }

    private static HikariDataSource pool(TestDatabase database) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername(database.user());
        pool.setPassword(database.password());
        return pool;
    }
}
