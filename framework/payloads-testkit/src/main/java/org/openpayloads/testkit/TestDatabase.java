package org.openpayloads.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A fresh, empty database for one test class: a new HSQLDB file database in a temporary directory, or a
 * new schema of the PostgreSQL test database. {@link #close()} removes it.
 *
 * <p>Which one is chosen by the system property {@code payloads.test.db}: {@code hsqldb} (the default)
 * or {@code postgresql}. For PostgreSQL, {@code payloads.test.postgresql.url} and
 * {@code payloads.test.postgresql.user} say where; an unreachable server fails the test, never skips
 * it, so that a green build means both databases were tested.
 */
public final class TestDatabase implements AutoCloseable {

    /** The system property that picks the database kind. */
    public static final String KIND_PROPERTY = "payloads.test.db";
    public static final String POSTGRESQL_URL_PROPERTY = "payloads.test.postgresql.url";
    public static final String POSTGRESQL_USER_PROPERTY = "payloads.test.postgresql.user";
    public static final String DEFAULT_POSTGRESQL_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String DEFAULT_POSTGRESQL_USER = "postgres";

    /** The database kinds tests run on. */
    public enum Kind {
        HSQLDB, POSTGRESQL
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Kind kind;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Path dataDirectory;
    private final String schema;
    private final String adminUrl;

    private TestDatabase(Kind kind, String jdbcUrl, String user, String password, Path dataDirectory,
                         String schema, String adminUrl) {
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.dataDirectory = dataDirectory;
        this.schema = schema;
        this.adminUrl = adminUrl;
    }

    /** A fresh database of the kind named by {@code payloads.test.db}. */
    public static TestDatabase create() {
        return create(kindFromProperty(System.getProperty(KIND_PROPERTY)));
    }

    /** A fresh database of the given kind, whatever the system property says. */
    public static TestDatabase create(Kind kind) {
        Path directory = newTempDirectory();
        try {
            return kind == Kind.HSQLDB ? hsqldb(directory)
                    : postgresql(property(POSTGRESQL_URL_PROPERTY, DEFAULT_POSTGRESQL_URL),
                            property(POSTGRESQL_USER_PROPERTY, DEFAULT_POSTGRESQL_USER), directory);
        } catch (RuntimeException e) {
            deleteRecursively(directory);
            throw e;
        }
    }

    static Kind kindFromProperty(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Kind.HSQLDB;
        }
        try {
            return Kind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("System property " + KIND_PROPERTY + " is '" + value
                    + "'; expected hsqldb or postgresql", e);
        }
    }

    private static TestDatabase hsqldb(Path directory) {
        // The same URL rules as the store's StoreSettings.hsqldbUrl, repeated so the test kit does not
        // depend on the store: durable commits and MVCC.
        String url = "jdbc:hsqldb:file:" + directory.resolve("db").resolve("payloads")
                + ";hsqldb.write_delay=false;hsqldb.tx=mvcc";
        return new TestDatabase(Kind.HSQLDB, url, "SA", "", directory, "", url);
    }

    static TestDatabase postgresql(String baseUrl, String user, Path directory) {
        String schema = "t_" + HexFormat.of().formatHex(randomBytes(6));
        try (Connection connection = DriverManager.getConnection(baseUrl, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test schema on PostgreSQL at " + baseUrl + " as user '"
                    + user + "': " + e.getMessage() + ". Start PostgreSQL, or set -D" + POSTGRESQL_URL_PROPERTY
                    + " and -D" + POSTGRESQL_USER_PROPERTY + ", or run with -D" + KIND_PROPERTY + "=hsqldb", e);
        }
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(Kind.POSTGRESQL, url, user, "", directory, schema, baseUrl);
    }

    private static String property(String name, String defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    private static Path newTempDirectory() {
        try {
            return Files.createTempDirectory("payloads-test-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for a test database", e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public Kind kind() {
        return kind;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * The URL to open the same database again after it was closed, as a restarted server would. The same
     * as {@link #jdbcUrl()}: both databases keep their data between connections.
     */
    public String reopenUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A fresh temporary directory of this database, for key files and data; HSQLDB keeps its files here. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** A new JDBC connection to this database, for tests that read raw columns. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** Drops the PostgreSQL schema, or shuts HSQLDB down; then deletes the temporary directory. */
    @Override
    public void close() {
        try {
            if (kind == Kind.POSTGRESQL) {
                execute(adminUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } else {
                shutDownHsqldb();
            }
        } finally {
            deleteRecursively(dataDirectory);
        }
    }

    /** Shuts the database down if something left it open: its lock file says so. */
    private void shutDownHsqldb() {
        if (Files.exists(dataDirectory.resolve("db").resolve("payloads.lck"))) {
            execute(adminUrl, "SHUTDOWN");
        }
    }

    private void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on the test database " + url + ": "
                    + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the test database directory " + root, e);
        }
    }

    @Override
    public String toString() {
        return "TestDatabase[" + kind + ", " + jdbcUrl + "]";
    }
}
