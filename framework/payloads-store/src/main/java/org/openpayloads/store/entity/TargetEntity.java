package org.openpayloads.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.model.TooLong;
import org.openpayloads.engine.model.WhenPresent;

/** Where an inbound payload's data goes; its mappings are {@link FieldMappingEntity} rows. */
@Entity
@Table(name = "target")
@Audited
public class TargetEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "target_seq")
    @SequenceGenerator(name = "target_seq", sequenceName = "target_seq", allocationSize = 50)
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

    @Column(name = "object_name", nullable = false, length = 80)
    private String objectName = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "operation", nullable = false, length = 40)
    private Operation operation = Operation.INSERT;

    @Column(name = "external_id_field", length = 80)
    private @Nullable String externalIdField;

    @Convert(converter = JsonColumns.StringList.class)
    @Column(name = "match_fields", nullable = false, length = 4000)
    private List<String> matchFields = List.of();

    @Enumerated(EnumType.STRING)
    @Column(name = "when_present", nullable = false, length = 20)
    private WhenPresent whenPresent = WhenPresent.UPDATE;

    @Column(name = "condition_expr", length = 4000)
    private @Nullable String condition;

    @Column(name = "repeat_path", length = 1000)
    private @Nullable String repeatPath;

    @Enumerated(EnumType.STRING)
    @Column(name = "on_too_long", nullable = false, length = 16)
    private TooLong onTooLong = TooLong.FAIL;

    /** For Hibernate, which sets every field, the association included. */
    protected TargetEntity() {
    }

    public TargetEntity(PayloadEntity payload, int position, Target target) {
        this.payload = payload;
        this.position = position;
        this.apiName = target.apiName();
        this.label = target.label();
        this.runOrder = target.order();
        this.objectName = target.object();
        this.operation = target.operation();
        this.externalIdField = target.externalIdField();
        this.matchFields = target.matchFields();
        this.whenPresent = target.whenPresent();
        this.condition = target.condition();
        this.repeatPath = target.repeatPath();
        this.onTooLong = target.onTooLong();
    }

    public Target toRecord(List<FieldMapping> mappings) {
        return new Target(apiName, label, runOrder, objectName, operation, externalIdField, matchFields, whenPresent,
                condition, repeatPath, mappings, onTooLong);
    }

    public @Nullable Long getId() {
        return id;
    }

    public PayloadEntity getPayload() {
        return payload;
    }
}
