package org.openpayloads.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.model.AdminToken;

/** An admin bearer token, kept only as its SHA-256 hash. */
@Entity
@Table(name = "admin_token")
public class AdminTokenEntity {

    /** How stale last_used_at may get before a use writes it again: keeps each request's auth read-only. */
    public static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "admin_token_seq")
    @SequenceGenerator(name = "admin_token_seq", sequenceName = "admin_token_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "name", nullable = false)
    private String name = "";

    @Column(name = "prefix", nullable = false, length = 20)
    private String prefix = "";

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash = "";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "created_by")
    private @Nullable String createdBy;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    /** For Hibernate. */
    protected AdminTokenEntity() {
    }

    public AdminTokenEntity(String name, String prefix, String tokenHash, Instant createdAt,
                            @Nullable String createdBy) {
        this.name = name;
        this.prefix = prefix;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** Records a use; skips the write when the last recorded use is recent enough. */
    public void used(Instant at) {
        if (lastUsedAt == null || !at.isBefore(lastUsedAt.plus(LAST_USED_RESOLUTION))) {
            lastUsedAt = at;
        }
    }

    public void revoke(Instant at) {
        revokedAt = at;
    }

    public AdminToken toRecord() {
        return new AdminToken(id == null ? 0 : id, name, prefix, createdAt, createdBy, lastUsedAt, revokedAt);
    }
}
