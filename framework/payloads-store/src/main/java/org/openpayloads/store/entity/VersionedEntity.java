package org.openpayloads.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.model.AuditInfo;

/**
 * Who made and last changed a configuration row, and its optimistic-lock version. Envers audits only
 * {@code modified_at}: the revision already says who and when, but this column changes on every write,
 * so that each update of an aggregate leaves a row in its own audit table even when only its children
 * changed.
 */
@MappedSuperclass
@Audited
public abstract class VersionedEntity {

    @NotAudited
    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.EPOCH;

    @NotAudited
    @Column(name = "created_by")
    private @Nullable String createdBy;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt = Instant.EPOCH;

    @NotAudited
    @Column(name = "modified_by")
    private @Nullable String modifiedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public void created(String actor, Instant at) {
        createdAt = at;
        createdBy = actor;
        modified(actor, at);
    }

    /** Marks the row changed; always writes it, so that every change bumps the version. */
    public void modified(String actor, Instant at) {
        modifiedAt = at;
        modifiedBy = actor;
    }

    public AuditInfo audit() {
        return new AuditInfo(createdAt, createdBy, modifiedAt, modifiedBy, version);
    }
}
