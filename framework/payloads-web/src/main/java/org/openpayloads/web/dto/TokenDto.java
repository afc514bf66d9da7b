package org.openpayloads.web.dto;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An admin API token. Never carries its hash; {@code token}, the value itself, is only in the answer to the
 * request that issued it, and is shown then only.
 */
public record TokenDto(long id, String name, String prefix, Instant createdAt, @Nullable String createdBy,
                       @Nullable Instant lastUsedAt, @Nullable Instant revokedAt, boolean active,
                       @Nullable String token) {

    @Override
    public String toString() {
        return "TokenDto[id=" + id + ", name=" + name + ", prefix=" + prefix + ", token="
                + (token == null ? "null" : "[hidden]") + "]";
    }
}
