package org.openpayloads.store;

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
import org.openpayloads.store.entity.AdminTokenEntity;
import org.openpayloads.store.entity.AuditRevision;
import org.openpayloads.store.entity.CredentialEntity;
import org.openpayloads.store.entity.ElementEntity;
import org.openpayloads.store.entity.FieldMappingEntity;
import org.openpayloads.store.entity.IntegrationEntity;
import org.openpayloads.store.entity.JobEntity;
import org.openpayloads.store.entity.JobResultEntity;
import org.openpayloads.store.entity.PayloadEntity;
import org.openpayloads.store.entity.SettingEntity;
import org.openpayloads.store.entity.SourceEntity;
import org.openpayloads.store.entity.TargetEntity;

/**
 * Builds the Hibernate SessionFactory on the store's pool, in code: no persistence.xml, so the settings
 * that matter sit in one place. The schema is Flyway's; Hibernate only validates it, so that drift
 * between entities and migrations fails at startup, not on the first query that hits it.
 */
final class HibernateBoot {

    static final List<Class<?>> ENTITIES = List.of(IntegrationEntity.class, PayloadEntity.class,
            ElementEntity.class, TargetEntity.class, SourceEntity.class, FieldMappingEntity.class,
            CredentialEntity.class, JobEntity.class, JobResultEntity.class, AdminTokenEntity.class,
            SettingEntity.class, AuditRevision.class);

    private HibernateBoot() {
    }

    /**
     * @throws IllegalStateException when the schema does not match the entities, naming the difference
     */
    static SessionFactory sessionFactory(DataSource dataSource, Database database) {
        try {
            return sessionFactory(dataSource, Map.of());
        } catch (SchemaManagementException e) {
            throw new IllegalStateException("The " + database.product() + " schema does not match this version's "
                    + "entities: " + e.getMessage() + "; expected the migrations in db/migration to create what "
                    + "the entities map", e);
        }
    }

    /** With {@code overrides} on top of the store's settings; tools use it to write schema scripts. */
    static SessionFactory sessionFactory(DataSource dataSource, Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>(settings());
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        settings.putAll(overrides);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            ENTITIES.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    static Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.HBM2DDL_AUTO, "validate");
        // Inserts of a payload's tree go out in batches; sequences (not IDENTITY) keep batching possible.
        settings.put(AvailableSettings.STATEMENT_BATCH_SIZE, 50);
        settings.put(AvailableSettings.ORDER_INSERTS, true);
        settings.put(AvailableSettings.ORDER_UPDATES, true);
        settings.put(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, 32);
        settings.put(AvailableSettings.FAIL_ON_PAGINATION_OVER_COLLECTION_FETCH, true);
        // Envers reads only keys with this prefix; a "hibernate.envers." key would be ignored silently.
        settings.put("org.hibernate.envers.store_data_at_delete", true);
        settings.put("org.hibernate.envers.audit_table_suffix", "_aud");
        settings.put("org.hibernate.envers.revision_field_name", "rev");
        settings.put("org.hibernate.envers.revision_type_field_name", "revtype");
        return settings;
    }
}
