package org.openpayloads.api.connector;

import org.jspecify.annotations.Nullable;

/**
 * How far a {@link PollingTrigger} has read: the position of the last item taken (for Stripe, its
 * {@code created} time in epoch seconds) and that item's id, which tells apart items of one position.
 *
 * @param lastId null when no item has been taken at {@code position} yet
 */
public record Watermark(long position, @Nullable String lastId) {

    public Watermark {
        if (position < 0) {
            throw new IllegalArgumentException("position was " + position + "; expected 0 or more");
        }
        if (lastId != null && lastId.isBlank()) {
            throw new IllegalArgumentException("lastId was blank; expected an item's id, or null");
        }
    }
}
