package org.openpayloads.org.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The databases the org runs on: the SQL types its migrations differ in, and their own migrations. */
public enum OrgDatabase {

    HSQLDB("HSQLDB", "classpath:db/org-migration-hsqldb", Map.of("text", "LONGVARCHAR", "timestamp", "TIMESTAMP(6)")),
    POSTGRESQL("PostgreSQL", null, Map.of("text", "TEXT", "timestamp", "TIMESTAMP(6) WITH TIME ZONE"));

    private final String product;
    /** A folder of migrations for this database alone, or null. */
    private final @Nullable String ownMigrations;
    private final Map<String, String> placeholders;

    OrgDatabase(String product, @Nullable String ownMigrations, Map<String, String> placeholders) {
        this.product = product;
        this.ownMigrations = ownMigrations;
        this.placeholders = placeholders;
    }

    /** The database behind a data source, told by the product name its driver reports. */
    public static OrgDatabase of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return ofProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the database to open the embedded org: "
                    + e.getMessage(), e);
        }
    }

    static OrgDatabase ofProductName(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.startsWith("hsql")) {
            return HSQLDB;
        }
        if (name.startsWith("postgresql")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("The embedded org runs on HSQLDB or PostgreSQL; this database is '"
                + productName + "'");
    }

    public String product() {
        return product;
    }

    /**
     * Where Flyway finds this database's migrations of the org: the shared ones, then any of its own. Versions
     * form one sequence across both folders, so a version used in one folder is never used in the other.
     */
    public String[] migrationLocations() {
        return ownMigrations == null ? new String[] {OrgMigrations.LOCATION}
                : new String[] {OrgMigrations.LOCATION, ownMigrations};
    }

    /** Flyway placeholders: {@code ${text}} and {@code ${timestamp}} in the shared migrations. */
    public Map<String, String> placeholders() {
        return placeholders;
    }
}
