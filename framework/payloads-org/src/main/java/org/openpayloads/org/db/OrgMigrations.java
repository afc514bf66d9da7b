package org.openpayloads.org.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the org's tables up to date with {@code db/org-migration}, and on HSQLDB also
 * {@code db/org-migration-hsqldb}. The org keeps a history table of its own beside the server's, and baselines
 * at version 0 because the schema already holds the server's tables.
 */
public final class OrgMigrations {

    public static final String LOCATION = "classpath:db/org-migration";
    public static final String HISTORY_TABLE = "org_schema_history";
    private static final Logger LOG = LoggerFactory.getLogger(OrgMigrations.class);

    private OrgMigrations() {
    }

    public static void run(DataSource dataSource, OrgDatabase database) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(database.migrationLocations())
                    .table(HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .placeholders(database.placeholders())
                    // The org never wipes its records, whatever a Flyway config file says.
                    .cleanDisabled(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Migrated the embedded org's {} tables to version {} ({} migrations)", database.product(),
                        result.targetSchemaVersion, result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new IllegalStateException("Cannot migrate the embedded org's " + database.product() + " tables: "
                    + e.getMessage(), e);
        }
    }
}
