package org.openpayloads.engine.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.RetriableException;
import org.openpayloads.api.records.RecordClient;

/**
 * Runs a payload's compiled targets over a parsed body: resolves each field's value, coerces it to its field's
 * type from the org's describe, and writes the records, or in a preview only says what it would write.
 * Thread-safe: one engine serves every job; each run has its own state.
 */
public final class MappingEngine {

    private final LookupCache lookups;
    private final CredentialResolver credentials;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param lookups lookup answers shared across jobs
     * @param clock what {@code now()} and {@code today()} read
     * @param zone the zone of {@code today()}, and of date-times without an offset
     */
    public MappingEngine(LookupCache lookups, CredentialResolver credentials, Clock clock, ZoneId zone) {
        this.lookups = Objects.requireNonNull(lookups, "lookups");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Writes the records {@code body} maps to.
     *
     * @throws RetriableException when the org is unavailable; without partial success the
     *     job's writes are undone first
     * @throws ConfigException when the org refuses the credentials
     */
    public MappingResult run(MappingPlan plan, JsonNode body, RecordClient client) {
        return new MappingRun(plan, client, credentials, lookups, clock, zone, false).run(body);
    }

    /**
     * What {@link #run} would do with {@code body}: the same record operations and lookups, reading the org
     * (describe, lookups, finding records by match fields) but writing nothing.
     */
    public MappingResult preview(MappingPlan plan, JsonNode body, RecordClient client) {
        return new MappingRun(plan, client, credentials, lookups, clock, zone, true).run(body);
    }
}
