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
import java.util.Map;
import org.hibernate.Length;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.NullRule;
import org.openpayloads.engine.model.ValueSourceType;

/**
 * One mapping line of a target or of a source: one table for both, with exactly one of the two owners
 * set (a check constraint in the schema says so).
 */
@Entity
@Table(name = "field_mapping")
@Audited
public class FieldMappingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "field_mapping_seq")
    @SequenceGenerator(name = "field_mapping_seq", sequenceName = "field_mapping_seq", allocationSize = 50)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "target_id")
    private @Nullable TargetEntity target;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "source_id")
    private @Nullable SourceEntity source;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "field", nullable = false, length = 1000)
    private String field = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "source_type", nullable = false, length = 20)
    private ValueSourceType sourceType = ValueSourceType.ELEMENT;

    @Column(name = "source_value", length = Length.LONG32)
    private @Nullable String value;

    @Column(name = "source_reference")
    private @Nullable String reference;

    @Column(name = "lookup_match_field", length = 80)
    private @Nullable String lookupMatchField;

    @Column(name = "lookup_return_field", length = 80)
    private @Nullable String lookupReturnField;

    @Enumerated(EnumType.STRING)
    @Column(name = "null_rule", nullable = false, length = 20)
    private NullRule nullRule = NullRule.IGNORE;

    @Convert(converter = JsonColumns.StringMap.class)
    @Column(name = "value_map", nullable = false, length = Length.LONG32)
    private Map<String, String> valueMap = Map.of();

    @Column(name = "default_value", length = Length.LONG32)
    private @Nullable String defaultValue;

    /** For Hibernate. */
    protected FieldMappingEntity() {
    }

    public static FieldMappingEntity ofTarget(TargetEntity target, int position, FieldMapping mapping) {
        FieldMappingEntity entity = new FieldMappingEntity(position, mapping);
        entity.target = target;
        return entity;
    }

    public static FieldMappingEntity ofSource(SourceEntity source, int position, FieldMapping mapping) {
        FieldMappingEntity entity = new FieldMappingEntity(position, mapping);
        entity.source = source;
        return entity;
    }

    private FieldMappingEntity(int position, FieldMapping mapping) {
        this.position = position;
        this.field = mapping.field();
        this.sourceType = mapping.sourceType();
        this.value = mapping.value();
        this.reference = mapping.reference();
        this.lookupMatchField = mapping.lookupMatchField();
        this.lookupReturnField = mapping.lookupReturnField();
        this.nullRule = mapping.nullRule();
        this.valueMap = mapping.valueMap();
        this.defaultValue = mapping.defaultValue();
    }

    public FieldMapping toRecord() {
        return new FieldMapping(field, sourceType, value, reference, lookupMatchField, lookupReturnField, nullRule,
                valueMap, defaultValue);
    }

    /** The owning target's id without loading the target; null for a source's mapping. */
    public @Nullable Long getTargetId() {
        return target == null ? null : target.getId();
    }

    /** The owning source's id without loading the source; null for a target's mapping. */
    public @Nullable Long getSourceId() {
        return source == null ? null : source.getId();
    }
}
