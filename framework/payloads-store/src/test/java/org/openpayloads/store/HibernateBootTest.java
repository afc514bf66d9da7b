package org.openpayloads.store;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HibernateBootTest {

    @Test
    void validatesTheSchemaAndNeverChangesIt() {
        assertThat(HibernateBoot.settings()).containsEntry("hibernate.hbm2ddl.auto", "validate");
    }

    @Test
    void batchesWrites() {
        Map<String, Object> settings = HibernateBoot.settings();

        assertThat(settings).containsEntry("hibernate.jdbc.batch_size", 50)
                .containsEntry("hibernate.order_inserts", true)
                .containsEntry("hibernate.order_updates", true);
    }

    @Test
    void enversKeysUseThePrefixEnversReads() {
        assertThat(HibernateBoot.settings().keySet().stream().filter(key -> key.contains("envers")))
                .isNotEmpty()
                .allMatch(key -> key.startsWith("org.hibernate.envers."));
    }

    @Test
    void everyListedClassIsAnEntity() {
        assertThat(HibernateBoot.ENTITIES).allMatch(type -> type.isAnnotationPresent(Entity.class));
    }
}
