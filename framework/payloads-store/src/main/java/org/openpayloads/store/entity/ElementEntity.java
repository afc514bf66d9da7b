package org.openpayloads.store.entity;

import jakarta.persistence.Column;
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
import org.openpayloads.engine.model.DataType;
import org.openpayloads.engine.model.Element;

/**
 * One node of a payload's element tree. Every node points at its payload and its parent (null for a
 * root); {@code position} is the node's place in a depth-first walk of the whole tree, so that reading
 * the rows in that order gives each parent before its children, and siblings in order.
 */
@Entity
@Table(name = "element")
@Audited
public class ElementEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "element_seq")
    @SequenceGenerator(name = "element_seq", sequenceName = "element_seq", allocationSize = 50)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payload_id", nullable = false)
    private PayloadEntity payload;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private @Nullable ElementEntity parent;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "name", nullable = false)
    private String name = "";

    @Column(name = "path", nullable = false, length = 1000)
    private String path = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "data_type", nullable = false, length = 20)
    private DataType dataType = DataType.STRING;

    @Column(name = "required", nullable = false)
    private boolean required;

    @Column(name = "repeated", nullable = false)
    private boolean repeated;

    /** For Hibernate, which sets every field, the association included. */
    protected ElementEntity() {
    }

    public ElementEntity(PayloadEntity payload, @Nullable ElementEntity parent, int position, Element element) {
        this.payload = payload;
        this.parent = parent;
        this.position = position;
        this.name = element.name();
        this.path = element.path();
        this.dataType = element.dataType();
        this.required = element.required();
        this.repeated = element.repeated();
    }

    public Element toRecord(List<Element> children) {
        return new Element(name, path, dataType, required, repeated, children);
    }

    public @Nullable Long getId() {
        return id;
    }

    /** The parent's id without loading the parent. */
    public @Nullable Long getParentId() {
        return parent == null ? null : parent.getId();
    }

    public PayloadEntity getPayload() {
        return payload;
    }
}
