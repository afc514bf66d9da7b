package org.openpayloads.engine.model;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link PayloadKind#POLLING} payload finds new items: a trigger of its credential's connector, run every
 * {@code intervalSeconds} from a watermark the server stores. Each item found becomes one job.
 *
 * @param trigger the trigger's name, such as {@code new-charge}
 * @param backfillFrom where the first poll starts; without it, the first poll starts from now. Changing it
 *     starts the payload over from the new time; items already taken are then duplicates of their jobs.
 * @param options the trigger's options, such as {@code expand}
 */
public record Polling(String trigger, int intervalSeconds, @Nullable Instant backfillFrom,
                      Map<String, String> options) {

    public static final int DEFAULT_INTERVAL_SECONDS = 15;
    public static final int MIN_INTERVAL_SECONDS = 1;
    public static final int MAX_INTERVAL_SECONDS = 86_400;

    public Polling {
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
