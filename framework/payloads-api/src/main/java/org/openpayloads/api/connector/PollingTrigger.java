package org.openpayloads.api.connector;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.config.ConfigDef;

/**
 * Finds the items an API created since a point, oldest first, such as Stripe's new charges. The runtime
 * stores the {@link Watermark} each poll returns and passes it to the next, so a trigger keeps no state of its
 * own. Thread-safe.
 */
public interface PollingTrigger {

    /** The name payloads give, lower-case letters, digits and dashes, such as {@code new-charge}. */
    String name();

    /** One or two sentences for the admin UI and the docs. */
    String description();

    /** The options a payload may set for this trigger; their values come to {@link #poll} validated. */
    ConfigDef options();

    /**
     * The next items, oldest first.
     *
     * <ul>
     *   <li>With {@code after}: items created after that watermark.</li>
     *   <li>Without it but with {@code since}: items created at or after {@code since}, a backfill.</li>
     *   <li>With neither: no items, and the watermark of the newest item that exists now, so that the next
     *       poll returns what is created from now on.</li>
     * </ul>
     *
     * @param client a client that the same connector opened
     * @param maxItems the most items to return; {@link PollPage#more()} says whether more are waiting
     * @throws org.openpayloads.api.RetriableException when the API is unavailable; the watermark stays
     */
    PollPage poll(ApiClient client, Map<String, String> options, @Nullable Watermark after, @Nullable Instant since,
                  int maxItems);
}
