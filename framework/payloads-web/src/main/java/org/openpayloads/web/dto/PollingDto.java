package org.openpayloads.web.dto;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a POLLING payload finds new items. {@code intervalSeconds} defaults to 15; {@code backfillFrom} is an
 * instant ({@code 2026-01-01T00:00:00Z}) or a date ({@code 2026-01-01}, from midnight UTC).
 */
public record PollingDto(@Nullable String trigger, @Nullable Integer intervalSeconds, @Nullable String backfillFrom,
                         @Nullable Map<String, @Nullable String> options) {
}
