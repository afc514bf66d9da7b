package org.openpayloads.org.db;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.tool.schema.spi.SchemaManagementException;

/**
 * Builds the org's own SessionFactory on the server's data source. Flyway owns the tables; Hibernate only
 * validates them, so that drift fails at start-up rather than on the first write.
 */
public final class OrgHibernate {

    static final List<Class<?>> ENTITIES = List.of(ObjectEntity.class, FieldEntity.class, RecordEntity.class,
            RecordKeyEntity.class, ConnectedAppEntity.class, UserPasswordEntity.class, SessionEntity.class,
            SettingEntity.class);

    private OrgHibernate() {
    }

    public static SessionFactory sessionFactory(DataSource dataSource, OrgDatabase database) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        settings.put(AvailableSettings.HBM2DDL_AUTO, "validate");
        // A collection of 200 records goes out in 4 batches per table; sequences keep batching possible.
        settings.put(AvailableSettings.STATEMENT_BATCH_SIZE, 50);
        settings.put(AvailableSettings.ORDER_INSERTS, true);
        settings.put(AvailableSettings.ORDER_UPDATES, true);
        settings.put(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, 50);
        settings.put(AvailableSettings.IN_CLAUSE_PARAMETER_PADDING, true);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            ENTITIES.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (SchemaManagementException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw new IllegalStateException("The embedded org's " + database.product() + " tables do not match "
                    + "its entities: " + e.getMessage() + "; expected db/org-migration to create what they map", e);
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }
}
