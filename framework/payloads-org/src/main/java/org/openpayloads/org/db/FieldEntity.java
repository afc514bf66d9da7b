package org.openpayloads.org.db;

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
import org.hibernate.Length;
import org.jspecify.annotations.Nullable;

/** A field definition of an object. Standard system fields (Id, CreatedDate, ...) are not stored. */
@Entity
@Table(name = "org_field")
public class FieldEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "org_field_seq")
    @SequenceGenerator(name = "org_field_seq", sequenceName = "org_field_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "object_id", nullable = false)
    public ObjectEntity object;

    @Column(name = "name", nullable = false, length = 80)
    public String name = "";

    @Column(name = "label", nullable = false)
    public String label = "";

    @Column(name = "type", nullable = false, length = 20)
    public String type = "";

    @Column(name = "length", nullable = false)
    public int length;

    @Column(name = "field_precision", nullable = false)
    public int precision;

    @Column(name = "field_scale", nullable = false)
    public int scale;

    @Column(name = "required", nullable = false)
    public boolean required;

    @Column(name = "unique_value", nullable = false)
    public boolean uniqueValue;

    @Column(name = "external_id", nullable = false)
    public boolean externalId;

    @Column(name = "id_lookup", nullable = false)
    public boolean idLookup;

    @Column(name = "custom", nullable = false)
    public boolean custom;

    @Column(name = "picklist_values", length = Length.LONG32)
    public @Nullable String picklistValues;

    @Column(name = "restricted_picklist", nullable = false)
    public boolean restrictedPicklist;

    @Column(name = "reference_to", length = 80)
    public @Nullable String referenceTo;

    @Column(name = "relationship_name", length = 80)
    public @Nullable String relationshipName;

    @Column(name = "child_relationship_name", length = 80)
    public @Nullable String childRelationshipName;

    @Column(name = "cascade_delete", nullable = false)
    public boolean cascadeDelete;

    @Column(name = "position", nullable = false)
    public int position;
}
