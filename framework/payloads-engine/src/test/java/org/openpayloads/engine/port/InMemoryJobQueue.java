package org.openpayloads.engine.port;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConflictException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.model.AttemptEnd;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.model.JobAttempt;
import org.openpayloads.engine.model.JobRequest;
import org.openpayloads.engine.model.JobSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NewJob;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.TargetResult;

/**
 * The job queue and its reads in memory, for tests of what queues, runs and shows jobs. It keeps the store's
 * semantics (the store's {@code JdbcJobQueue} with {@code HibernateJobRepository}), and passes the same
 * {@link JobQueueContract}: dedupe keys unique per payload, numbers per direction, ordering keys, leases fenced
 * by worker and attempt number, and the attempt history.
 *
 * <p>Which integrations and payloads exist, which are active and how long each integration keeps its jobs
 * come from a {@link Catalog}: {@link Catalog#over} reads them from a {@link ConfigurationService}.
 *
 * <p>Two differences, neither visible through the ports: a duplicate does not use up a job number (a database
 * sequence does), and deleting an integration or payload does not delete its jobs (the database cascades).
 * Thread-safe: each method holds one lock, so it is as atomic as the store's transaction.
 *
 * <p>A little over our usual length: it is both ports, as the store's two classes are together.
 */
public final class InMemoryJobQueue implements JobQueue, JobRepository {

    /** The longest error or result message kept, as in the store; longer ones are cut. */
    static final int ERROR_MAX = 4000;
    static final String EXPIRED_LEASE = "The worker's lease expired before it finished: its process "
            + "stopped or hung";
    private static final Set<JobStatus> UNFINISHED = Set.of(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.HELD);

    private final Clock clock;
    private final Catalog catalog;
    private final Object lock = new Object();
    private final TreeMap<Long, Stored> jobs = new TreeMap<>();
    private final Map<String, Stored> byNumber = new HashMap<>();
    private final Map<DedupeKey, Stored> byDedupeKey = new HashMap<>();
    private final Map<Direction, Long> numbers = new EnumMap<>(Direction.class);
    private long lastId;
    /** How many jobs each claim asked for and took, oldest first: {max, taken}. */
    private final List<int[]> claims = new ArrayList<>();

    public InMemoryJobQueue(Clock clock, Catalog catalog) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * What the queue needs to know of the configuration, which the store reads from its own tables.
     */
    public interface Catalog {

        boolean hasIntegration(String integration);

        boolean hasPayload(String integration, String payload);

        /** Whether the payload and its integration are both active, so that its held jobs may run. */
        boolean isActive(String integration, String payload);

        /** How many days the integration keeps its finished jobs; null for the server's default. */
        @Nullable Integer retentionDays(String integration);

        /** The configuration as {@code configuration} has it now. */
        static Catalog over(ConfigurationService configuration) {
            Objects.requireNonNull(configuration, "configuration");
            return new Catalog() {
                @Override
                public boolean hasIntegration(String integration) {
                    return find(() -> configuration.integration(integration)) != null;
                }

                @Override
                public boolean hasPayload(String integration, String payload) {
                    return find(() -> configuration.payload(integration, payload)) != null;
                }

                @Override
                public boolean isActive(String integration, String payload) {
                    Integration owner = find(() -> configuration.integration(integration));
                    Payload config = find(() -> configuration.payload(integration, payload));
                    return owner != null && owner.active() && config != null && config.active();
                }

                @Override
                public @Nullable Integer retentionDays(String integration) {
                    Integration owner = find(() -> configuration.integration(integration));
                    return owner == null ? null : owner.retentionDays();
                }

                private static <T> @Nullable T find(Supplier<T> lookup) {
                    try {
                        return lookup.get();
                    } catch (NotFoundException e) {
                        return null;
                    }
                }
            };
        }
    }

    // The queue

    @Override
    public Receipt enqueue(NewJob job) {
        Objects.requireNonNull(job, "job");
        Instant now = now();
        synchronized (lock) {
            if (!catalog.hasPayload(job.integration(), job.payload())) {
                throw catalog.hasIntegration(job.integration())
                        ? NotFoundException.of("payload", job.integration() + "/" + job.payload())
                        : NotFoundException.of("integration", job.integration());
            }
            DedupeKey key = job.dedupeKey() == null ? null
                    : new DedupeKey(job.integration(), job.payload(), job.dedupeKey());
            Stored original = key == null ? null : byDedupeKey.get(key);
            if (original != null) {
                return new Receipt(original.id, original.number, original.status, true);
            }
            long number = numbers.merge(job.direction(), 1L, Long::sum);
            Stored stored = new Stored(++lastId, String.format("%s-%06d", job.direction().jobPrefix(), number), job,
                    now);
            jobs.put(stored.id, stored);
            byNumber.put(stored.number, stored);
            if (key != null) {
                byDedupeKey.put(key, stored);
            }
            return new Receipt(stored.id, stored.number, stored.status, false);
        }
    }

    @Override
    public List<ClaimedJob> claim(String worker, int max, Duration lease) {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(lease, "lease");
        if (max < 1) {
            throw new IllegalArgumentException("max must be 1 or more, was " + max);
        }
        Instant now = now();
        synchronized (lock) {
            // The first unfinished job of each ordering key, as the store's NOT EXISTS finds it before the claim.
            Map<OrderingKey, Long> firstUnfinished = new HashMap<>();
            for (Stored job : jobs.values()) {
                if (job.orderingKey != null && UNFINISHED.contains(job.status)) {
                    firstUnfinished.putIfAbsent(job.orderingKey(), job.id);
                }
            }
            List<Stored> due = jobs.values().stream()
                    .filter(job -> job.status == JobStatus.QUEUED && job.nextAttemptAt != null
                            && !job.nextAttemptAt.isAfter(now))
                    .filter(job -> job.orderingKey == null || firstUnfinished.get(job.orderingKey()) == job.id)
                    .sorted(Comparator.comparing((Stored job) -> job.nextAttemptAt).thenComparingLong(job -> job.id))
                    .limit(max)
                    .sorted(Comparator.comparingLong(job -> job.id))
                    .toList();
            List<ClaimedJob> claimed = new ArrayList<>(due.size());
            for (Stored job : due) {
                job.status = JobStatus.RUNNING;
                job.leaseOwner = worker;
                job.leaseExpiresAt = now.plus(lease);
                job.startedAt = now;
                job.finishedAt = null;
                job.attempts++;
                claimed.add(new ClaimedJob(job.id, job.number, job.integration, job.payload, job.attempts,
                        job.receivedAt, now, job.request));
            }
            claims.add(new int[] {max, claimed.size()});
            return claimed;
        }
    }

    /** Each claim made so far, oldest first, as {@code {max, taken}}: how many jobs it asked for and took. */
    public List<int[]> claims() {
        synchronized (lock) {
            return List.copyOf(claims);
        }
    }

    @Override
    public int renew(String worker, Duration lease) {
        Objects.requireNonNull(worker, "worker");
        Instant expires = now().plus(lease);
        synchronized (lock) {
            int renewed = 0;
            for (Stored job : jobs.values()) {
                if (job.status == JobStatus.RUNNING && worker.equals(job.leaseOwner)) {
                    job.leaseExpiresAt = expires;
                    renewed++;
                }
            }
            return renewed;
        }
    }

    @Override
    public boolean finish(String worker, ClaimedJob claimed, AttemptResult result) {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(claimed, "claimed");
        Objects.requireNonNull(result, "result");
        JobStatus status = result.end().jobStatus();
        synchronized (lock) {
            Stored job = jobs.get(claimed.id());
            if (job == null || job.status != JobStatus.RUNNING || !worker.equals(job.leaseOwner)
                    || job.attempts != claimed.attempt()) {
                return false;
            }
            job.status = status;
            job.finishedAt = status.isFinal() ? micros(result.finishedAt()) : null;
            job.nextAttemptAt = micros(result.nextAttemptAt());
            job.recordsProcessed = result.recordsProcessed();
            job.error = cut(result.error());
            job.leaseOwner = null;
            job.leaseExpiresAt = null;
            job.results = result.results().stream().map(InMemoryJobQueue::cut).toList();
            job.history.add(new JobAttempt(claimed.attempt(), worker, micros(claimed.claimedAt()),
                    micros(result.finishedAt()), result.end(), cut(result.error())));
            return true;
        }
    }

    @Override
    public void recordResponse(long jobId, int responseCode) {
        synchronized (lock) {
            Stored job = jobs.get(jobId);
            if (job != null) {
                job.responseCode = responseCode;
            }
        }
    }

    @Override
    public int requeueExpired(int maxAttempts) {
        Instant now = now();
        synchronized (lock) {
            int moved = 0;
            for (Stored job : jobs.values()) {
                if (job.status != JobStatus.RUNNING || job.leaseExpiresAt == null
                        || !job.leaseExpiresAt.isBefore(now)) {
                    continue;
                }
                boolean dead = job.attempts >= maxAttempts;
                job.history.add(new JobAttempt(job.attempts, job.leaseOwner, job.startedAt == null ? now
                        : job.startedAt, now, dead ? AttemptEnd.DEAD : AttemptEnd.LEASE_EXPIRED, EXPIRED_LEASE));
                job.status = dead ? JobStatus.DEAD : JobStatus.QUEUED;
                job.nextAttemptAt = dead ? null : job.receivedAt;
                job.finishedAt = dead ? now : null;
                job.error = EXPIRED_LEASE;
                job.leaseOwner = null;
                job.leaseExpiresAt = null;
                moved++;
            }
            return moved;
        }
    }

    @Override
    public int releaseHeld() {
        Instant now = now();
        synchronized (lock) {
            int released = 0;
            for (Stored job : jobs.values()) {
                if (job.status == JobStatus.HELD && catalog.isActive(job.integration, job.payload)) {
                    job.status = JobStatus.QUEUED;
                    job.nextAttemptAt = now;
                    released++;
                }
            }
            return released;
        }
    }

    @Override
    public Optional<JobStatus> status(long jobId) {
        synchronized (lock) {
            return Optional.ofNullable(jobs.get(jobId)).map(job -> job.status);
        }
    }

    @Override
    public boolean discard(long jobId) {
        Instant now = now();
        synchronized (lock) {
            Stored job = jobs.get(jobId);
            if (job == null || job.status != JobStatus.DEAD) {
                return false;
            }
            job.status = JobStatus.DISCARDED;
            job.finishedAt = now;
            return true;
        }
    }

    @Override
    public Map<String, Integer> deleteExpired(Instant now, int defaultRetentionDays) {
        Objects.requireNonNull(now, "now");
        synchronized (lock) {
            Map<String, Integer> deleted = new TreeMap<>();
            Map<String, Instant> cutoffs = new HashMap<>();
            for (var iterator = jobs.values().iterator(); iterator.hasNext(); ) {
                Stored job = iterator.next();
                Instant cutoff = cutoffs.computeIfAbsent(job.integration, integration -> {
                    Integer days = catalog.retentionDays(integration);
                    return now.minus(Duration.ofDays(days == null ? defaultRetentionDays : days));
                });
                if (job.status.isFinal() && job.receivedAt.isBefore(cutoff)) {
                    iterator.remove();
                    byNumber.remove(job.number);
                    if (job.dedupeKey != null) {
                        byDedupeKey.remove(new DedupeKey(job.integration, job.payload, job.dedupeKey));
                    }
                    deleted.merge(job.integration, 1, Integer::sum);
                }
            }
            return new LinkedHashMap<>(deleted);
        }
    }

    // The reads

    /** Stores through {@link #enqueue}, as the store does; a duplicate dedupe key is a conflict here. */
    @Override
    public Job create(NewJob job) {
        Receipt receipt = enqueue(job);
        if (receipt.duplicate()) {
            throw new ConflictException("dedupeKey", "Job " + receipt.jobNumber() + " of " + job.integration() + "/"
                    + job.payload() + " already has dedupe key '" + job.dedupeKey() + "'; expected a new key");
        }
        return find(receipt.jobId()).orElseThrow();
    }

    @Override
    public Optional<Job> find(long id) {
        synchronized (lock) {
            return Optional.ofNullable(jobs.get(id)).map(job -> job.toJob(true));
        }
    }

    @Override
    public Optional<Job> findByNumber(String jobNumber) {
        Objects.requireNonNull(jobNumber, "jobNumber");
        synchronized (lock) {
            return Optional.ofNullable(byNumber.get(jobNumber)).map(job -> job.toJob(true));
        }
    }

    /** Matching jobs newest first (by arrival, then id), without their requests, results or attempts. */
    @Override
    public Page<Job> search(JobQuery query) {
        Objects.requireNonNull(query, "query");
        synchronized (lock) {
            List<Stored> matching = jobs.values().stream()
                    .filter(job -> query.integration() == null || job.integration.equals(query.integration()))
                    .filter(job -> query.payload() == null || job.payload.equals(query.payload()))
                    .filter(job -> query.statuses().isEmpty() || query.statuses().contains(job.status))
                    .filter(job -> query.from() == null || !job.receivedAt.isBefore(query.from()))
                    .filter(job -> query.to() == null || job.receivedAt.isBefore(query.to()))
                    .sorted(Comparator.comparing((Stored job) -> job.receivedAt).thenComparingLong(job -> job.id)
                            .reversed())
                    .toList();
            long first = (long) query.page() * query.size();
            List<Job> items = matching.stream().skip(first).limit(query.size()).map(job -> job.toJob(false)).toList();
            return new Page<>(items, query.page(), query.size(), matching.size());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Instants as the databases keep them: to the microsecond. */
    private static @Nullable Instant micros(@Nullable Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static @Nullable String cut(@Nullable String text) {
        return text == null || text.length() <= ERROR_MAX ? text : text.substring(0, ERROR_MAX);
    }

    private static TargetResult cut(TargetResult result) {
        return new TargetResult(result.target(), result.index(), result.object(), result.operation(),
                result.recordId(), result.created(), result.success(), result.errorCode(), cut(result.message()));
    }

    /** A dedupe key is unique per payload. */
    private record DedupeKey(String integration, String payload, String key) {
    }

    /** Jobs of a payload with the same ordering key run one at a time. */
    private record OrderingKey(String integration, String payload, String key) {
    }

    /** One job as stored; read and written under the lock only. */
    private static final class Stored {

        final long id;
        final String number;
        final String integration;
        final String payload;
        final Direction direction;
        final JobSource source;
        final Instant receivedAt;
        final @Nullable Long replayOf;
        final @Nullable String dedupeKey;
        final @Nullable String orderingKey;
        final JobRequest request;
        JobStatus status;
        @Nullable Instant startedAt;
        @Nullable Instant finishedAt;
        @Nullable Instant nextAttemptAt;
        int attempts;
        int recordsProcessed;
        @Nullable Integer responseCode;
        @Nullable String error;
        @Nullable String leaseOwner;
        @Nullable Instant leaseExpiresAt;
        List<TargetResult> results = List.of();
        final List<JobAttempt> history = new ArrayList<>();

        Stored(long id, String number, NewJob job, Instant now) {
            this.id = id;
            this.number = number;
            this.integration = job.integration();
            this.payload = job.payload();
            this.direction = job.direction();
            this.source = job.source();
            this.receivedAt = now;
            this.replayOf = job.replayOf();
            this.dedupeKey = job.dedupeKey();
            this.orderingKey = job.orderingKey();
            this.request = job.request();
            this.status = job.status();
            this.nextAttemptAt = job.status() == JobStatus.QUEUED ? now : null;
            this.responseCode = job.responseCode();
        }

        OrderingKey orderingKey() {
            return new OrderingKey(integration, payload, Objects.requireNonNull(orderingKey));
        }

        Job toJob(boolean whole) {
            return new Job(id, number, integration, payload, direction, status, source, receivedAt, startedAt,
                    finishedAt, nextAttemptAt, attempts, recordsProcessed, responseCode, error, replayOf, dedupeKey,
                    orderingKey, whole ? request : null, whole ? results : List.of(), whole ? history : List.of());
        }
    }
}
