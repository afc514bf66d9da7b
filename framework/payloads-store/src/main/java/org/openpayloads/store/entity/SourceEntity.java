package org.openpayloads.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.Source;

/** Where an outbound payload's data comes from; its mappings are {@link FieldMappingEntity} rows. */
@Entity
@Table(name = "source")
@Audited
public class SourceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "source_seq")
    @SequenceGenerator(name = "source_seq", sequenceName = "source_seq", allocationSize = 50)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payload_id", nullable = false)
    private PayloadEntity payload;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "api_name", nullable = false, length = 80)
    private String apiName = "";

    @Column(name = "label", nullable = false)
    private String label = "";

    @Column(name = "run_order", nullable = false)
    private int runOrder;

    @Column(name = "object_name", length = 80)
    private @Nullable String objectName;

    @Column(name = "filter", length = 4000)
    private @Nullable String filter;

    @Column(name = "query", length = 4000)
    private @Nullable String query;

    /** For Hibernate, which sets every field, the association included. */
    protected SourceEntity() {
    }

    public SourceEntity(PayloadEntity payload, int position, Source source) {
        this.payload = payload;
        this.position = position;
        this.apiName = source.apiName();
        this.label = source.label();
        this.runOrder = source.order();
        this.objectName = source.object();
        this.filter = source.filter();
        this.query = source.query();
    }

    public Source toRecord(List<FieldMapping> mappings) {
        return new Source(apiName, label, runOrder, objectName, filter, query, mappings);
    }

    public @Nullable Long getId() {
        return id;
    }

    public PayloadEntity getPayload() {
        return payload;
    }
}
