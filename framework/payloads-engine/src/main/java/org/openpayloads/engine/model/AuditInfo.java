package org.openpayloads.engine.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** When, and by whom, a stored object was created and last changed. Empty on an object not yet saved. */
public record AuditInfo(@Nullable Instant createdAt, @Nullable String createdBy,
                        @Nullable Instant modifiedAt, @Nullable String modifiedBy, long version) {

    public static final AuditInfo NEW = new AuditInfo(null, null, null, null, 0);
}
