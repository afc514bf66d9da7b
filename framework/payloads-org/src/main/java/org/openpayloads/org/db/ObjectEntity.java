package org.openpayloads.org.db;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An object definition (standard or custom); its fields are {@link FieldEntity} rows. */
@Entity
@Table(name = "org_object")
public class ObjectEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "org_object_seq")
    @SequenceGenerator(name = "org_object_seq", sequenceName = "org_object_seq", allocationSize = 50)
    public Long id;

    @Column(name = "name", nullable = false, length = 80)
    public String name = "";

    @Column(name = "label", nullable = false)
    public String label = "";

    @Column(name = "label_plural", nullable = false)
    public String labelPlural = "";

    @Column(name = "key_prefix", nullable = false, length = 3)
    public String keyPrefix = "";

    @Column(name = "custom", nullable = false)
    public boolean custom;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.EPOCH;

    @Column(name = "modified_at", nullable = false)
    public Instant modifiedAt = Instant.EPOCH;
}
