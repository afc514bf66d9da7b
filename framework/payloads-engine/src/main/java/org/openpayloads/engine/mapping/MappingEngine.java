package org.openpayloads.engine.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.RetriableException;
import org.openpayloads.api.records.RecordClient;
import org.openpayloads.engine.model.JobStatus;

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
     * <p>With partial success, each record is written on its own and failures are recorded. Without it, the job's
     * writes are all kept or none: where the org offers a transaction ({@link RecordClient#maxAtomicWrites()}),
     * the writes are worked out first, exactly as a preview shows them, then sent together in one; where it does
     * not (or there are more writes than one transaction takes), they are written one by one and a failure undoes
     * the earlier ones.
     *
     * @throws RetriableException when the org is unavailable; nothing of the job's is kept without partial success
     * @throws ConfigException when the org refuses the credentials
     */
    public MappingResult run(MappingPlan plan, JsonNode body, RecordClient client) {
        if (!plan.payload().allowPartialSuccess() && client.maxAtomicWrites() > 0) {
            MappingRun planning = new MappingRun(plan, client, credentials, lookups, clock, zone, MappingRun.Mode.PLAN);
            MappingResult planned = planning.run(body);
            if (planned.status() != JobStatus.COMPLETED) {
                return Transaction.notWritten(planned);
            }
            Transaction transaction = new Transaction(client, lookups);
            if (planning.plannedWrites().isEmpty()) {
                return planned;
            }
            if (transaction.fits(planning.plannedWrites())) {
                return transaction.apply(planned, planning.plannedWrites());
            }
        }
        return new MappingRun(plan, client, credentials, lookups, clock, zone, MappingRun.Mode.RUN).run(body);
    }

    /**
     * What {@link #run} would do with {@code body}: the same record operations and lookups, reading the org
     * (describe, lookups, finding records by match fields) but writing nothing.
     */
    public MappingResult preview(MappingPlan plan, JsonNode body, RecordClient client) {
        return new MappingRun(plan, client, credentials, lookups, clock, zone, MappingRun.Mode.PREVIEW).run(body);
    }
}
