package org.openpayloads.server;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the mapping engine runs.
 *
 * @param zone the zone of {@code today()} and of date-times without an offset
 * @param lookupCacheTtl how long a lookup answer is kept across jobs; zero keeps none
 */
public record MappingSettings(ZoneId zone, Duration lookupCacheTtl) {

    public static final MappingSettings DEFAULTS = new MappingSettings(ZoneId.of("UTC"), Duration.ofMinutes(5));

    public MappingSettings {
        Objects.requireNonNull(zone, "zone");
        if (lookupCacheTtl.isNegative()) {
            throw new IllegalArgumentException("lookup cache TTL was " + lookupCacheTtl + "; expected zero or more");
        }
    }
}
