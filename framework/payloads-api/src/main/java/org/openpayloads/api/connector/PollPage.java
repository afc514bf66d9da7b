package org.openpayloads.api.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link PollingTrigger#poll} found.
 *
 * @param items oldest first
 * @param watermark the position after the last item, to pass to the next poll; the one given when there are
 *     no items (or, on a first poll, the newest item's)
 * @param more whether more items were waiting beyond the poll's maximum
 */
public record PollPage(List<JsonNode> items, Watermark watermark, boolean more) {

    public PollPage {
        items = List.copyOf(items);
        Objects.requireNonNull(watermark, "watermark");
    }
}
