package org.openpayloads.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.model.Integration;

@Entity
@Table(name = "integration")
@Audited
public class IntegrationEntity extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "integration_seq")
    @SequenceGenerator(name = "integration_seq", sequenceName = "integration_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "api_name", nullable = false, length = 80)
    private String apiName = "";

    @Column(name = "label", nullable = false)
    private String label = "";

    @Column(name = "description", length = 4000)
    private @Nullable String description;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "retention_days")
    private @Nullable Integer retentionDays;

    /** For Hibernate. */
    protected IntegrationEntity() {
    }

    public IntegrationEntity(Integration integration) {
        take(integration);
    }

    // Not final, and not called by the constructor: Hibernate's lazy proxies must be able to forward it.
    public void apply(Integration integration) {
        take(integration);
    }

    private void take(Integration integration) {
        apiName = integration.apiName();
        label = integration.label();
        description = integration.description();
        active = integration.active();
        retentionDays = integration.retentionDays();
    }

    public Integration toRecord() {
        return new Integration(apiName, label, description, active, retentionDays, audit());
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getApiName() {
        return apiName;
    }
}
