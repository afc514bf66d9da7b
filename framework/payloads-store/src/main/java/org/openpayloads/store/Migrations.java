package org.openpayloads.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with the migrations in {@code db/migration}, shared by both databases, and those
 * in a database's own folder ({@code db/migration-hsqldb}).
 */
final class Migrations {

    static final String LOCATION = "classpath:db/migration";
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    static void run(DataSource dataSource, Database database) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(database.migrationLocations())
                    .placeholders(database.placeholders())
                    // A store never wipes its own data; clean stays off even if a config file turns it on.
                    .cleanDisabled(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Migrated the {} schema to version {} ({} migrations)", database.product(),
                        result.targetSchemaVersion, result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new IllegalStateException("Cannot migrate the " + database.product() + " schema: "
                    + e.getMessage(), e);
        }
    }
}
