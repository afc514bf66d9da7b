package org.openpayloads.engine.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.connector.Watermark;

/**
 * Where POLLING payloads keep their watermarks, and the lease that lets one process at a time poll an
 * integration. Each method is one short transaction.
 */
public interface PollStates {

    /**
     * Takes the integration's polling lease for {@code owner} until {@code now + lease}, or extends it: when no one
     * holds it, {@code owner} holds it, or the holder's lease has expired.
     *
     * @return whether {@code owner} holds the lease now
     * @throws org.openpayloads.api.NotFoundException when the integration does not exist
     */
    boolean lease(String integration, String owner, Instant now, Duration lease);

    /** Gives up every lease {@code owner} holds, so that another process need not wait for their expiry. */
    void release(String owner);

    /** Who holds the integration's lease, and until when; empty when no one ever did. */
    Optional<Lease> holder(String integration);

    /** A payload's stored state; empty before its first poll. */
    Optional<PollState> find(String integration, String payload);

    /**
     * Stores a payload's state, if {@code owner} still holds the integration's lease at {@code now}.
     *
     * @return false when it does not; nothing is stored then
     */
    boolean save(String integration, String payload, String owner, Instant now, PollState state);

    /** Forgets a payload's watermark, so that its next poll starts again from its backfill date, or from now. */
    void reset(String integration, String payload);

    /**
     * A payload's polling state.
     *
     * @param watermark how far it has read; null before its first poll
     * @param backfillFrom the backfill date the watermark started from, to tell when the payload's was changed
     * @param lastPolledAt when the last poll ended
     * @param caughtUp false when the last poll left items waiting, so the next one starts without waiting
     * @param lastError why the last poll failed; null when it did not
     * @param itemsTaken how many items became jobs, over the payload's life
     */
    record PollState(@Nullable Watermark watermark, @Nullable Instant backfillFrom, @Nullable Instant lastPolledAt,
                     boolean caughtUp, @Nullable String lastError, long itemsTaken) {

        public static final PollState NEW = new PollState(null, null, null, true, null, 0);
    }

    /** An integration's polling lease. */
    record Lease(String owner, Instant expiresAt) {
    }
}
