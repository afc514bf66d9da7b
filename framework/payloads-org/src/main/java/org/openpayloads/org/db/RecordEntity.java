package org.openpayloads.org.db;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.Length;
import org.jspecify.annotations.Nullable;

/**
 * One record of any object. Its field values are a JSON object in {@link #data}; the version guards against
 * two writers updating the same record at once (the loser retries).
 */
@Entity
@Table(name = "org_record")
public class RecordEntity {

    // Assigned from org_record_seq by RecordRepository.nextRowId: the Salesforce id is made from it.
    @Id
    @Column(name = "id", nullable = false)
    public Long id;

    @Column(name = "object_name", nullable = false, length = 80)
    public String objectName = "";

    @Column(name = "sf_id", nullable = false, length = 18)
    public String sfId = "";

    @Column(name = "data", nullable = false, length = Length.LONG32)
    public String data = "{}";

    @Column(name = "owner_id", length = 18)
    public @Nullable String ownerId;

    @Column(name = "created_by_id", length = 18)
    public @Nullable String createdById;

    @Column(name = "created_date", nullable = false)
    public Instant createdDate = Instant.EPOCH;

    @Column(name = "last_modified_by_id", length = 18)
    public @Nullable String lastModifiedById;

    @Column(name = "last_modified_date", nullable = false)
    public Instant lastModifiedDate = Instant.EPOCH;

    @Column(name = "system_modstamp", nullable = false)
    public Instant systemModstamp = Instant.EPOCH;

    @Version
    @Column(name = "version", nullable = false)
    public long version;
}
