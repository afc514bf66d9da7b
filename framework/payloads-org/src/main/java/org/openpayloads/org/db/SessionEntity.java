package org.openpayloads.org.db;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An issued session; only the SHA-256 of its token is kept. */
@Entity
@Table(name = "org_session")
public class SessionEntity {

    @Id
    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash = "";

    @Column(name = "user_id", nullable = false, length = 18)
    public String userId = "";

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt = Instant.EPOCH;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt = Instant.EPOCH;
}
