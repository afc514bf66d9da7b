package org.openpayloads.engine.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An admin API bearer token as stored: only its hash is kept, and a short prefix to tell tokens apart.
 */
public record AdminToken(long id, String name, String prefix, Instant createdAt, @Nullable String createdBy,
                         @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
