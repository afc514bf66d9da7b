package org.openpayloads.engine.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.api.RetriableException;
import org.openpayloads.engine.config.CachedConfiguration;
import org.openpayloads.engine.mapping.MappingResult;
import org.openpayloads.engine.mapping.MappingService;
import org.openpayloads.engine.model.AttemptEnd;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.TargetResult;
import org.openpayloads.engine.port.AttemptResult;
import org.openpayloads.engine.port.ClaimedJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one attempt at a claimed job: the payload's mapping over the stored request, as configured now.
 * Says how the attempt ended; never throws. A failure that may pass (the target unavailable, throttled or
 * locked, or an error nobody foresaw) is retried under the {@link RetryPolicy}; one that no retry can fix
 * (a body that does not parse, a record the org refuses, a payload deleted since) fails the job at once.
 * A run that failed whole on a locked record is retried too; a partial one is not, since what succeeded
 * would be written again.
 */
public final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    /** Record errors of the Salesforce API that pass on their own: a row locked by another transaction, limits. */
    static final Set<String> PASSING_ERROR_CODES = Set.of("UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE",
            "REQUEST_LIMIT_EXCEEDED");

    private final CachedConfiguration configuration;
    private final MappingService mapping;
    private final RetryPolicy retry;
    private final Clock clock;

    public JobRunner(CachedConfiguration configuration, MappingService mapping, RetryPolicy retry, Clock clock) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public AttemptResult run(ClaimedJob job) {
        try {
            Integration integration = configuration.integration(job.integration());
            Payload payload = configuration.payload(job.integration(), job.payload());
            if (!integration.active() || !payload.active()) {
                return ended(AttemptEnd.HELD, (integration.active() ? "Payload " + job.payload() : "Integration "
                        + job.integration()) + " is inactive; the job runs when it is activated", List.of());
            }
            MappingResult result = mapping.run(job.integration(), payload, job.request().body(),
                    job.request().contentType());
            return switch (result.status()) {
                case COMPLETED -> ended(AttemptEnd.COMPLETED, null, result.results());
                case PARTIAL -> ended(AttemptEnd.PARTIAL, firstError(result.results()), result.results());
                default -> passing(result.results())
                        ? retryOrDead(job, firstError(result.results()), null)
                        : ended(AttemptEnd.FAILED, firstError(result.results()), result.results());
            };
        } catch (RetriableException e) {
            return retryOrDead(job, e.getMessage(), e.retryAfter().orElse(null));
        } catch (NotFoundException | MappingException | ConfigException e) {
            return ended(AttemptEnd.FAILED, e.getMessage(), List.of());
        } catch (RuntimeException e) {
            LOG.warn("Job {} of {}/{} failed unexpectedly on attempt {}", job.jobNumber(), job.integration(),
                    job.payload(), job.attempt(), e);
            return retryOrDead(job, "Unexpected error: " + e, null);
        }
    }

    /**
     * Whether a failed run, whose writes were all undone, failed on a record for a reason that passes: then
     * running it again may succeed.
     */
    private static boolean passing(List<TargetResult> results) {
        return results.stream().anyMatch(r -> !r.success() && r.errorCode() != null
                && PASSING_ERROR_CODES.contains(r.errorCode()));
    }

    private AttemptResult retryOrDead(ClaimedJob job, @Nullable String error, @Nullable Duration retryAfter) {
        if (!retry.allowsAnother(job.attempt())) {
            return ended(AttemptEnd.DEAD, "Gave up after " + job.attempt() + " attempts: " + error, List.of());
        }
        Instant now = clock.instant();
        Duration wait = retry.delay(job.attempt(), retryAfter, ThreadLocalRandom.current()::nextDouble);
        return new AttemptResult(AttemptEnd.RETRY, now.plus(wait), 0, error, List.of(), now);
    }

    private AttemptResult ended(AttemptEnd end, @Nullable String error, List<TargetResult> results) {
        int written = (int) results.stream().filter(r -> r.success() && r.recordId() != null).count();
        return new AttemptResult(end, null, written, error, results, clock.instant());
    }

    /** The first failed record's error, as the job's summary: "target[index]: CODE message". */
    private static @Nullable String firstError(List<TargetResult> results) {
        long failed = results.stream().filter(r -> !r.success()).count();
        return results.stream().filter(r -> !r.success()).findFirst()
                .map(r -> failed + " of " + results.size() + " records failed; first: " + r.target() + "[" + r.index()
                        + "]: " + r.errorCode() + " " + r.message())
                .orElse(null);
    }
}
