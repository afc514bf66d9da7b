package org.openpayloads.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("database")
class TestDatabaseTest {

    @Test
    void kindDefaultsToHsqldbAndRejectsUnknownNames() {
        assertThat(TestDatabase.kindFromProperty(null)).isEqualTo(TestDatabase.Kind.HSQLDB);
        assertThat(TestDatabase.kindFromProperty(" ")).isEqualTo(TestDatabase.Kind.HSQLDB);
        assertThat(TestDatabase.kindFromProperty("PostgreSQL")).isEqualTo(TestDatabase.Kind.POSTGRESQL);
        assertThatThrownBy(() -> TestDatabase.kindFromProperty("oracle"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payloads.test.db").hasMessageContaining("'oracle'")
                .hasMessageContaining("expected hsqldb or postgresql");
    }

    @Test
    void hsqldbIsAFreshDurableFileDatabaseRemovedOnClose() throws Exception {
        Path directory;
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.HSQLDB)) {
            directory = database.dataDirectory();
            assertThat(database.jdbcUrl()).isEqualTo("jdbc:hsqldb:file:" + directory.resolve("db/payloads")
                    + ";hsqldb.write_delay=false;hsqldb.tx=mvcc");
            assertThat(database.user()).isEqualTo("SA");
            assertThat(database.password()).isEmpty();
            assertThat(countTables(database, "PUBLIC")).isZero();
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE probe (id INT)");
            }
            assertThat(countTables(database, "PUBLIC")).isEqualTo(1);
        }
        assertThat(Files.exists(directory)).isFalse();
    }

    @Test
    void postgresqlGetsASchemaOfItsOwnDroppedOnClose() throws Exception {
        String schema;
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            assertThat(database.jdbcUrl()).contains("currentSchema=t_");
            schema = database.jdbcUrl().substring(database.jdbcUrl().indexOf("currentSchema=") + 14);
            assertThat(Files.isDirectory(database.dataDirectory())).isTrue();
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE probe (id INT)");
            }
            assertThat(countTables(database, schema)).isEqualTo(1);
        }
        try (TestDatabase other = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            assertThat(countTables(other, schema)).isZero();
        }
    }

    @Test
    void unreachablePostgresqlFailsNamingTheUrl(@TempDir Path directory) {
        assertThatThrownBy(() -> TestDatabase.postgresql("jdbc:postgresql://127.0.0.1:1/nowhere", "postgres",
                directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/nowhere")
                .hasMessageContaining("as user 'postgres'");
    }

    private static int countTables(TestDatabase database, String schema) throws Exception {
        try (Connection connection = database.connect();
             ResultSet tables = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            int count = 0;
            while (tables.next()) {
                count++;
            }
            return count;
        }
    }
}
