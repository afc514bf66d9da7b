package org.openpayloads.store;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The databases the store runs on: the SQL types their migrations differ in, and their own migrations. */
enum Database {

    // Instants: what Hibernate maps java.time.Instant to on each (HSQLDB keeps them as UTC timestamps).
    // HSQLDB has no partial indexes: its queue indexes hold every row.
    HSQLDB("jdbc:hsqldb:", "HSQLDB", "classpath:db/migration-hsqldb", Map.of("bytes", "VARBINARY(16777216)",
            "text", "LONGVARCHAR", "timestamp", "TIMESTAMP(6)", "whereQueuedOrHeld", "", "whereUnfinished", "",
            "whereRunning", "")),
    POSTGRESQL("jdbc:postgresql:", "PostgreSQL", null, Map.of("bytes", "BYTEA", "text", "TEXT",
            "timestamp", "TIMESTAMP(6) WITH TIME ZONE",
            "whereQueuedOrHeld", "WHERE status IN ('QUEUED', 'HELD')",
            "whereUnfinished", "WHERE status IN ('QUEUED', 'RUNNING', 'HELD')",
            "whereRunning", "WHERE status = 'RUNNING'"));

    private final String urlPrefix;
    private final String product;
    /** A folder of migrations for this database alone, or null. */
    private final @Nullable String ownMigrations;
    private final Map<String, String> placeholders;

    Database(String urlPrefix, String product, @Nullable String ownMigrations, Map<String, String> placeholders) {
        this.urlPrefix = urlPrefix;
        this.product = product;
        this.ownMigrations = ownMigrations;
        this.placeholders = placeholders;
    }

    static Optional<Database> of(String jdbcUrl) {
        for (Database database : values()) {
            if (jdbcUrl.regionMatches(true, 0, database.urlPrefix, 0, database.urlPrefix.length())) {
                return Optional.of(database);
            }
        }
        return Optional.empty();
    }

    /** The product name, as in "HSQLDB" or "PostgreSQL". */
    String product() {
        return product;
    }

    /**
     * Where Flyway finds this database's migrations: the shared ones, then any of its own. Versions form one
     * sequence across both folders, so a version used in one folder is never used in the other.
     */
    String[] migrationLocations() {
        return ownMigrations == null ? new String[] {Migrations.LOCATION}
                : new String[] {Migrations.LOCATION, ownMigrations};
    }

    /**
     * Flyway placeholders of the shared migrations: the types {@code ${bytes}}, {@code ${text}} and
     * {@code ${timestamp}}, and the {@code WHERE} clauses of partial indexes, empty where there are none.
     */
    Map<String, String> placeholders() {
        return placeholders;
    }
}
