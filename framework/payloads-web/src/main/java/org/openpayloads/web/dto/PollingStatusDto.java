package org.openpayloads.web.dto;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a POLLING payload stands.
 *
 * @param watermarkPosition the position (for Stripe, the {@code created} time) of the last item taken
 * @param watermarkLastId the id of the last item taken
 * @param caughtUp false while items found by the last poll are still waiting
 * @param leaseOwner the process that polls the payload's integration, while its lease runs
 */
public record PollingStatusDto(@Nullable Long watermarkPosition, @Nullable String watermarkLastId,
                               @Nullable Instant backfillFrom, @Nullable Instant lastPolledAt, boolean caughtUp,
                               @Nullable String lastError, long itemsTaken, @Nullable String leaseOwner,
                               @Nullable Instant leaseExpiresAt) {
}
