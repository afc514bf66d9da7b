package org.openpayloads.engine.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.model.AdminToken;

/** Stores admin bearer tokens by their SHA-256 hash; the token itself is never stored. */
public interface AdminTokenRepository {

    AdminToken create(String name, String prefix, String tokenHash, Instant createdAt, @Nullable String createdBy);

    List<AdminToken> findAll();

    Optional<AdminToken> find(long id);

    /** The unrevoked token with this hash, its last use set to {@code usedAt}. */
    Optional<AdminToken> useActive(String tokenHash, Instant usedAt);

    /** Revokes the token; false when there is no such unrevoked token. */
    boolean revoke(long id, Instant revokedAt);

    long countActive();
}
