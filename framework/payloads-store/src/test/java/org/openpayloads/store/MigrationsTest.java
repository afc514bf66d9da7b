package org.openpayloads.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.testkit.TestDatabase;

@Tag("database")
class MigrationsTest {

    private static final Set<String> TABLES = Set.of("integration", "payload", "element", "target", "source",
            "field_mapping", "credential", "credential_attribute", "credential_secret", "store_setting", "job",
            "poll_lease", "poll_state", "job_result", "job_attempt", "admin_token", "revision", "integration_aud", "payload_aud", "element_aud", "target_aud",
            "source_aud", "field_mapping_aud", "credential_aud", "credential_attribute_aud", "flyway_schema_history");

    @Test
    void createsEveryTableOnceAndIsIdempotent() throws Exception {
        try (TestDatabase database = TestDatabase.create(); HikariDataSource dataSource = dataSource(database)) {
            Database kind = Database.of(database.jdbcUrl()).orElseThrow();

            Migrations.run(dataSource, kind);
            Migrations.run(dataSource, kind);

            assertThat(tables(dataSource)).isEqualTo(new TreeSet<>(TABLES));
            // One more on HSQLDB, whose own folder adds one.
            assertThat(StoreTesting.rows(database, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE"))
                    .containsExactly(List.of(kind == Database.HSQLDB ? "7" : "6"));
        }
    }

    @Test
    void targetsStoredBeforeTheTooLongRuleKeepFailing() throws Exception {
        try (TestDatabase database = TestDatabase.create(); HikariDataSource dataSource = dataSource(database)) {
            Database kind = Database.of(database.jdbcUrl()).orElseThrow();
            Flyway.configure().dataSource(dataSource).locations(Migrations.LOCATION)
                    .placeholders(kind.placeholders()).target("1").load().migrate();
            insertIntegrationAndPayload(database);
            StoreTesting.execute(database, "INSERT INTO target (id, payload_id, position, api_name, label, run_order, "
                    + "object_name, operation, match_fields, when_present) VALUES (1, 1, 0, 't', 'T', 0, 'Account', "
                    + "'INSERT', '[]', 'UPDATE')");

            Migrations.run(dataSource, kind);

            assertThat(StoreTesting.rows(database, "SELECT on_too_long FROM target"))
                    .containsExactly(List.of("FAIL"));
            assertThat(columnType(dataSource, "target_aud", "on_too_long")).isEqualToIgnoringCase("varchar");
        }
    }

    @Test
    void placeholdersPickEachDatabasesTypes() throws Exception {
        try (TestDatabase database = TestDatabase.create(); HikariDataSource dataSource = dataSource(database)) {
            Database kind = Database.of(database.jdbcUrl()).orElseThrow();
            Migrations.run(dataSource, kind);

            String bodyType = columnType(dataSource, "job", "request_body");
            String receivedType = columnType(dataSource, "job", "received_at");

            if (kind == Database.POSTGRESQL) {
                assertThat(bodyType).isEqualTo("bytea");
                assertThat(receivedType).isEqualTo("timestamptz");
            } else {
                assertThat(bodyType).isEqualTo("VARBINARY");
                assertThat(receivedType).isEqualTo("TIMESTAMP");
            }
        }
    }

    @Test
    void theQueueIndexesHoldOnlyUnfinishedJobsWhereTheDatabaseAllows() throws Exception {
        try (TestDatabase database = TestDatabase.create(); HikariDataSource dataSource = dataSource(database)) {
            Database kind = Database.of(database.jdbcUrl()).orElseThrow();
            Migrations.run(dataSource, kind);

            if (kind == Database.POSTGRESQL) {
                assertThat(StoreTesting.rows(database, "SELECT indexname, indexdef LIKE '%WHERE%' FROM pg_indexes "
                        + "WHERE schemaname = current_schema() AND indexname IN ('ix_job_due', 'ix_job_ordering', "
                        + "'ix_job_lease') ORDER BY indexname")).containsExactly(List.of("ix_job_due", "t"),
                        List.of("ix_job_lease", "t"), List.of("ix_job_ordering", "t"));
            } else {
                assertThat(StoreTesting.rows(database, "SELECT LOWER(index_name) FROM information_schema.system_indexinfo "
                        + "WHERE table_schem = CURRENT_SCHEMA AND LOWER(index_name) IN ('ix_job_due', 'ix_job_ordering', "
                        + "'ix_job_lease') AND ordinal_position = 1 ORDER BY 1")).containsExactly(List.of("ix_job_due"),
                        List.of("ix_job_lease"), List.of("ix_job_ordering"));
            }
        }
    }

    @Test
    void onHsqldbTheJobTablesAreCachedAndKeepTheirRowsWhenAnOlderStoreUpgrades() throws Exception {
        try (TestDatabase database = TestDatabase.create(); HikariDataSource dataSource = dataSource(database)) {
            Database kind = Database.of(database.jdbcUrl()).orElseThrow();
            assumeTrue(kind == Database.HSQLDB, "HSQLDB's table types");
            // A store made before the HSQLDB folder existed, at version 5, and a job in it.
            Flyway.configure().dataSource(dataSource).locations(Migrations.LOCATION)
                    .placeholders(kind.placeholders()).target("5").load().migrate();
            assertThat(tableTypes(database)).containsEntry("job", "MEMORY");
            insertIntegrationAndPayload(database);
            StoreTesting.execute(database, "INSERT INTO job (id, job_number, integration_id, payload_id, direction, "
                    + "status, source, received_at, attempts, records_processed, request_headers, request_body) "
                    + "VALUES (7, 'IN-7', 1, 1, 'INBOUND', 'QUEUED', 'API', CURRENT_TIMESTAMP, 0, 0, '{}', X'7b7d')");

            Migrations.run(dataSource, kind);

            assertThat(tableTypes(database)).containsEntry("job", "CACHED").containsEntry("job_result", "CACHED")
                    .containsEntry("job_attempt", "CACHED")
                    // Configuration stays in memory: it is small and read on every request.
                    .containsEntry("integration", "MEMORY").containsEntry("payload", "MEMORY");
            assertThat(StoreTesting.rows(database, "SELECT job_number, status FROM job"))
                    .containsExactly(List.of("IN-7", "QUEUED"));
        }
    }

    @Test
    void theJobListIndexHoldsItsWholeOrderNewestFirstByReceiptThenId() throws Exception {
        try (TestDatabase database = TestDatabase.create(); HikariDataSource dataSource = dataSource(database)) {
            Migrations.run(dataSource, Database.of(database.jdbcUrl()).orElseThrow());

            List<String> columns = new ArrayList<>();
            try (Connection connection = dataSource.getConnection();
                 ResultSet index = connection.getMetaData().getIndexInfo(null, connection.getSchema(),
                         database.kind() == TestDatabase.Kind.HSQLDB ? "JOB" : "job", false, false)) {
                while (index.next()) {
                    if ("ix_job_received".equalsIgnoreCase(index.getString("INDEX_NAME"))) {
                        columns.add(index.getShort("ORDINAL_POSITION") + ":"
                                + index.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            assertThat(columns).containsExactlyInAnyOrder("1:received_at", "2:id");
        }
    }

    /** Integration 1 with its inbound payload 1, in the columns every schema version since 1 has. */
    private static void insertIntegrationAndPayload(TestDatabase database) {
        StoreTesting.execute(database, "INSERT INTO integration (id, api_name, label, active, created_at, "
                + "modified_at, version) VALUES (1, 'i', 'I', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
        StoreTesting.execute(database, "INSERT INTO payload (id, integration_id, api_name, label, direction, kind, "
                + "content_type, allow_partial_success, active, auth_type, sync_response, when_inactive, "
                + "redact_paths, created_at, modified_at, version) VALUES (1, 1, 'p', 'P', 'INBOUND', 'API_PUSH', "
                + "'JSON', FALSE, TRUE, 'NONE', FALSE, 'HOLD', '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
    }

    private static Map<String, String> tableTypes(TestDatabase database) {
        Map<String, String> types = new TreeMap<>();
        for (List<String> row : StoreTesting.rows(database, "SELECT LOWER(table_name), hsqldb_type "
                + "FROM information_schema.system_tables WHERE table_schem = CURRENT_SCHEMA")) {
            types.put(row.get(0), row.get(1));
        }
        return types;
    }

    private static HikariDataSource dataSource(TestDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(database.user());
        dataSource.setPassword(database.password());
        dataSource.setMaximumPoolSize(2);
        return dataSource;
    }

    private static Set<String> tables(HikariDataSource dataSource) throws Exception {
        Set<String> names = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                     new String[] {"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static String columnType(HikariDataSource dataSource, String table, String column) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String schema = connection.getSchema();
            for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
                String columnName = name.equals(table) ? column : column.toUpperCase(Locale.ROOT);
                try (ResultSet columns = metaData.getColumns(null, schema, name, columnName)) {
                    if (columns.next()) {
                        return columns.getString("TYPE_NAME");
                    }
                }
            }
        }
        throw new AssertionError("No column " + table + "." + column);
    }
}
