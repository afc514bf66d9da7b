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

/**
 * One indexed field value of a record. {@link #slot} is 0 for unique fields (so the database refuses a
 * second record with the value) and the record's own id otherwise.
 */
@Entity
@Table(name = "org_record_key")
public class RecordKeyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "org_record_key_seq")
    @SequenceGenerator(name = "org_record_key_seq", sequenceName = "org_record_key_seq", allocationSize = 50)
    public Long id;

    // Mapped as an association (not a bare id) so that batched inserts put the record before its keys.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "record_id", nullable = false)
    public RecordEntity record;

    @Column(name = "object_name", nullable = false, length = 80)
    public String objectName = "";

    @Column(name = "field_name", nullable = false, length = 80)
    public String fieldName = "";

    @Column(name = "norm_value", nullable = false)
    public String normValue = "";

    @Column(name = "slot", nullable = false)
    public long slot;
}
