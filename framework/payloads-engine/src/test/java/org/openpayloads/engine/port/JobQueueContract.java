package org.openpayloads.engine.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConflictException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.model.AttemptEnd;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.model.JobAttempt;
import org.openpayloads.engine.model.JobRequest;
import org.openpayloads.engine.model.JobSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NewJob;
import org.openpayloads.engine.model.TargetResult;

/**
 * What every {@link JobQueue}, with the {@link JobRepository} that reads its jobs, must do: dedupe keys unique per
 * payload (under concurrent deliveries too), numbers per direction, claims oldest first under a lease, ordering
 * keys that run one job at a time, expired leases put back or made DEAD, finishes fenced by worker and attempt,
 * held jobs released, discards, retention per integration, and concurrent claimers that never share a job.
 *
 * <p>An implementation's test extends this class and supplies the fixture: the queue and its reads, the clock
 * they read, and a way to create and change integrations and payloads. Each test starts from an empty queue
 * and uses payloads of its own, so one store may serve every test of a class.
 *
 * <p>Longer than our usual class: one method per invariant, and each reads on its own.
 */
public abstract class JobQueueContract {

    protected static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final JobRequest REQUEST = new JobRequest("application/json",
            Map.of("Stripe-Event", "evt_1"), "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8));
    private static final AtomicInteger NAMES = new AtomicInteger();

    private Instant now = START;

    /** The queue under test. */
    protected abstract JobQueue queue();

    /** The reads of the same jobs. */
    protected abstract JobRepository jobs();

    /** Sets the clock the queue reads. */
    protected abstract void setNow(Instant instant);

    /** Removes every job and has numbers start from 1 again; called before each test. */
    protected abstract void startEmpty();

    /** Creates an active payload, and its integration (active, default retention) when it is new. */
    protected abstract void createPayload(String integration, String payload);

    protected abstract void setIntegrationActive(String integration, boolean active);

    protected abstract void setPayloadActive(String integration, String payload, boolean active);

    /** Sets how many days the integration keeps its finished jobs; null for the default. */
    protected abstract void setRetentionDays(String integration, @Nullable Integer days);

    @BeforeEach
    final void emptyQueueAtStart() {
        startEmpty();
        at(START);
    }

    // Intake

    @Test
    void enqueueStoresAJobThatIsDueAtOnce() {
        PayloadRef p = newPayload();

        JobQueue.Receipt receipt = queue().enqueue(new NewJob(p.integration, p.payload, Direction.INBOUND,
                JobStatus.QUEUED, JobSource.EXTERNAL_API, REQUEST, "evt_1", "cus_1", null, 202));

        assertThat(receipt.jobNumber()).isEqualTo("IN-000001");
        assertThat(receipt.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(receipt.duplicate()).isFalse();
        Job job = jobs().find(receipt.jobId()).orElseThrow();
        assertThat(job).isEqualTo(new Job(receipt.jobId(), "IN-000001", p.integration, p.payload, Direction.INBOUND,
                JobStatus.QUEUED, JobSource.EXTERNAL_API, START, null, null, START, 0, 0, 202, null, null, "evt_1",
                "cus_1", REQUEST, List.of(), List.of()));
        assertThat(jobs().findByNumber("IN-000001")).contains(job);
        assertThat(queue().status(receipt.jobId())).contains(JobStatus.QUEUED);
        assertThat(queue().status(receipt.jobId() + 1_000)).isEmpty();
        assertThat(jobs().find(receipt.jobId() + 1_000)).isEmpty();
        assertThat(jobs().findByNumber("IN-999999")).isEmpty();
    }

    @Test
    void aHeldJobHasNoNextAttemptAndIsNotClaimed() {
        PayloadRef p = newPayload();

        JobQueue.Receipt held = queue().enqueue(job(p, JobStatus.HELD, null, null));

        assertThat(held.status()).isEqualTo(JobStatus.HELD);
        assertThat(jobs().find(held.jobId()).orElseThrow().nextAttemptAt()).isNull();
        assertThat(claim("w1", 10)).isEmpty();
    }

    @Test
    void numbersCountUpPerDirectionFromOne() {
        PayloadRef p = newPayload();

        String in1 = queue().enqueue(job(p, JobStatus.QUEUED, null, null)).jobNumber();
        String in2 = queue().enqueue(job(p, JobStatus.QUEUED, null, null)).jobNumber();
        String out1 = queue().enqueue(new NewJob(p.integration, p.payload, Direction.OUTBOUND, JobStatus.QUEUED,
                JobSource.SCHEDULE, REQUEST, null, null, null, null)).jobNumber();
        String in3 = jobs().create(job(p, JobStatus.QUEUED, null, null)).jobNumber();

        assertThat(List.of(in1, in2, out1, in3)).containsExactly("IN-000001", "IN-000002", "OUT-000001",
                "IN-000003");
    }

    @Test
    void aDuplicateDedupeKeyReturnsTheFirstJobAndStoresNothing() {
        PayloadRef p = newPayload();
        JobQueue.Receipt first = queue().enqueue(job(p, JobStatus.QUEUED, "evt_1", null));
        claim("w1", 1);

        JobQueue.Receipt again = queue().enqueue(new NewJob(p.integration, p.payload, Direction.INBOUND,
                JobStatus.QUEUED, JobSource.EXTERNAL_API, new JobRequest("application/json", Map.of(),
                new byte[] {'{', '}'}), "evt_1", null, null, 202));

        assertThat(again).isEqualTo(new JobQueue.Receipt(first.jobId(), first.jobNumber(), JobStatus.RUNNING, true));
        assertThat(all(p)).extracting(Job::id).containsExactly(first.jobId());
        assertThat(jobs().find(first.jobId()).orElseThrow().request()).isEqualTo(REQUEST);
    }

    @Test
    void dedupeKeysAreUniquePerPayloadOnly() {
        PayloadRef p = newPayload();
        PayloadRef other = newPayload();

        JobQueue.Receipt first = queue().enqueue(job(p, JobStatus.QUEUED, "evt_1", null));
        JobQueue.Receipt elsewhere = queue().enqueue(job(other, JobStatus.QUEUED, "evt_1", null));
        JobQueue.Receipt noKey1 = queue().enqueue(job(p, JobStatus.QUEUED, null, null));
        JobQueue.Receipt noKey2 = queue().enqueue(job(p, JobStatus.QUEUED, null, null));

        assertThat(List.of(elsewhere, noKey1, noKey2)).noneMatch(JobQueue.Receipt::duplicate);
        assertThat(Set.of(first.jobId(), elsewhere.jobId(), noKey1.jobId(), noKey2.jobId())).hasSize(4);
    }

    @Test
    void fiftyConcurrentDeliveriesOfOneKeyStoreOneJob() throws Exception {
        PayloadRef p = newPayload();
        CountDownLatch go = new CountDownLatch(1);

        List<JobQueue.Receipt> receipts = concurrently(50, i -> {
            go.await();
            return queue().enqueue(job(p, JobStatus.QUEUED, "evt_once", null));
        }, go);

        assertThat(receipts).filteredOn(r -> !r.duplicate()).hasSize(1);
        assertThat(receipts).extracting(JobQueue.Receipt::jobId).containsOnly(receipts.get(0).jobId());
        assertThat(all(p)).hasSize(1);
    }

    @Test
    void createIsAConflictOnADuplicateDedupeKey() {
        PayloadRef p = newPayload();
        Job first = jobs().create(job(p, JobStatus.QUEUED, "evt_1", null));

        assertThatThrownBy(() -> jobs().create(job(p, JobStatus.QUEUED, "evt_1", null)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("dedupeKey"))
                .hasMessage("Job " + first.jobNumber() + " of " + p.integration + "/" + p.payload
                        + " already has dedupe key 'evt_1'; expected a new key");
        assertThat(all(p)).hasSize(1);
    }

    @Test
    void aMissingIntegrationOrPayloadIsNotFound() {
        PayloadRef p = newPayload();

        assertThatThrownBy(() -> queue().enqueue(job(new PayloadRef(p.integration, "missing"), JobStatus.QUEUED,
                "evt_1", null)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No payload '" + p.integration + "/missing' exists");
        assertThatThrownBy(() -> queue().enqueue(job(new PayloadRef("no-such", p.payload), JobStatus.QUEUED, null,
                null)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No integration 'no-such' exists");
    }

    // Claims

    @Test
    void claimTakesDueJobsByNextAttemptThenId() {
        PayloadRef p = newPayload();
        long a = enqueue(p, null);
        long b = enqueue(p, null);
        at(START.plusSeconds(1));
        long c = enqueue(p, null);

        ClaimedJob first = claimOne("w1");
        assertThat(first.id()).isEqualTo(a);
        finish("w1", first, retryAt(START.plusSeconds(10)));
        at(START.plusSeconds(5));
        long d = enqueue(p, null);
        at(START.plusSeconds(20));

        assertThat(ids(claim("w1", 2))).containsExactly(b, c);
        assertThat(ids(claim("w1", 1))).containsExactly(d);
        ClaimedJob again = claimOne("w1");
        assertThat(again.id()).isEqualTo(a);
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(claim("w1", 10)).isEmpty();
    }

    @Test
    void claimMarksAJobRunningUnderALease() {
        PayloadRef p = newPayload();
        JobQueue.Receipt receipt = queue().enqueue(job(p, JobStatus.QUEUED, "evt_1", null));
        at(START.plusSeconds(3));

        List<ClaimedJob> claimed = queue().claim("w1", 5, LEASE);

        assertThat(claimed).containsExactly(new ClaimedJob(receipt.jobId(), receipt.jobNumber(), p.integration,
                p.payload, 1, START, START.plusSeconds(3), REQUEST));
        Job job = jobs().find(receipt.jobId()).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.startedAt()).isEqualTo(START.plusSeconds(3));
        assertThat(job.finishedAt()).isNull();
        assertThat(queue().renew("w1", LEASE)).isEqualTo(1);
    }

    @Test
    void claimChecksItsMax() {
        assertThatThrownBy(() -> queue().claim("w1", 0, LEASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max must be 1 or more, was 0");
    }

    @Test
    void twoJobsOfOneOrderingKeyAreNeverClaimedTogether() {
        PayloadRef p = newPayload();
        PayloadRef other = newPayload();
        long k1 = enqueue(p, "cus_1");
        long k2 = enqueue(p, "cus_1");
        long x = enqueue(p, "cus_2");
        long none = enqueue(p, null);
        long elsewhere = enqueue(other, "cus_1");

        List<ClaimedJob> claimed = claim("w1", 10);

        assertThat(ids(claimed)).containsExactly(k1, x, none, elsewhere);
        assertThat(claim("w1", 10)).isEmpty();
        finish("w1", claimed.get(0), ended(AttemptEnd.COMPLETED));
        assertThat(ids(claim("w1", 10))).containsExactly(k2);
    }

    @Test
    void aRetryOfTheFirstJobKeepsBlockingItsKeyUntilItIsDead() {
        PayloadRef p = newPayload();
        long k1 = enqueue(p, "cus_1");
        long k2 = enqueue(p, "cus_1");

        finish("w1", claimOne("w1"), retryAt(START.plusSeconds(60)));
        assertThat(claim("w1", 10)).isEmpty();
        at(START.plusSeconds(120));
        ClaimedJob retried = claimOne("w1");
        assertThat(retried.id()).isEqualTo(k1);
        assertThat(claim("w1", 10)).isEmpty();
        finish("w1", retried, ended(AttemptEnd.DEAD));

        assertThat(ids(claim("w1", 10))).containsExactly(k2);
    }

    @Test
    void aHeldJobBlocksTheLaterJobsOfItsKey() {
        PayloadRef p = newPayload();
        long held = queue().enqueue(job(p, JobStatus.HELD, null, "cus_1")).jobId();
        long later = enqueue(p, "cus_1");

        assertThat(claim("w1", 10)).isEmpty();
        assertThat(queue().releaseHeld()).isEqualTo(1);
        List<ClaimedJob> first = claim("w1", 10);
        assertThat(ids(first)).containsExactly(held);
        finish("w1", first.get(0), ended(AttemptEnd.FAILED));
        assertThat(ids(claim("w1", 10))).containsExactly(later);
    }

    // Leases

    @Test
    void anExpiredLeaseGoesBackToTheQueueWithALeaseExpiredAttempt() {
        PayloadRef p = newPayload();
        long id = enqueue(p, null);
        claimOne("w1");

        at(START.plus(LEASE));
        assertThat(queue().requeueExpired(5)).isZero();
        at(START.plus(LEASE).plusSeconds(1));
        assertThat(queue().requeueExpired(5)).isEqualTo(1);

        Job job = jobs().find(id).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.nextAttemptAt()).as("due since it arrived, so it keeps its place").isEqualTo(job.receivedAt());
        assertThat(job.finishedAt()).isNull();
        assertThat(job.error()).contains("lease expired");
        assertThat(job.history()).containsExactly(new JobAttempt(1, "w1", START, now, AttemptEnd.LEASE_EXPIRED,
                job.error()));
        ClaimedJob again = claimOne("w2");
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(queue().requeueExpired(5)).isZero();
    }

    @Test
    void renewKeepsTheLeasesOfOneWorkerAlive() {
        PayloadRef p = newPayload();
        enqueue(p, null);
        enqueue(p, null);
        long other = enqueue(p, null);
        claim("w1", 2);
        claimOne("w2");

        at(START.plusSeconds(20));
        assertThat(queue().renew("w1", LEASE)).isEqualTo(2);
        assertThat(queue().renew("nobody", LEASE)).isZero();
        at(START.plusSeconds(40));

        assertThat(queue().requeueExpired(5)).isEqualTo(1);
        assertThat(queue().status(other)).contains(JobStatus.QUEUED);
        assertThat(all(p)).filteredOn(job -> job.status() == JobStatus.RUNNING).hasSize(2);
    }

    @Test
    void losingTheLastAllowedAttemptMakesTheJobDead() {
        PayloadRef p = newPayload();
        long id = enqueue(p, null);
        claimOne("w1");
        at(now.plus(LEASE).plusSeconds(1));
        assertThat(queue().requeueExpired(2)).isEqualTo(1);
        claimOne("w2");
        at(now.plus(LEASE).plusSeconds(1));

        assertThat(queue().requeueExpired(2)).isEqualTo(1);

        Job job = jobs().find(id).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.DEAD);
        assertThat(job.finishedAt()).isEqualTo(now);
        assertThat(job.nextAttemptAt()).isNull();
        assertThat(job.history()).extracting(JobAttempt::number, JobAttempt::worker, JobAttempt::end)
                .containsExactly(tuple(1, "w1", AttemptEnd.LEASE_EXPIRED),
                        tuple(2, "w2", AttemptEnd.DEAD));
        assertThat(claim("w1", 10)).isEmpty();
    }

    @Test
    void finishIsFencedByWorkerAndAttempt() {
        PayloadRef p = newPayload();
        long id = enqueue(p, null);
        ClaimedJob lost = claimOne("w1");
        at(now.plus(LEASE).plusSeconds(1));
        queue().requeueExpired(5);
        ClaimedJob current = claimOne("w1");
        AttemptResult completed = new AttemptResult(AttemptEnd.COMPLETED, null, 1, null, List.of(result("001A")), now);

        assertThat(queue().finish("w1", lost, completed)).isFalse();
        assertThat(queue().finish("w2", current, completed)).isFalse();
        Job untouched = jobs().find(id).orElseThrow();
        assertThat(untouched.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(untouched.results()).isEmpty();
        assertThat(untouched.history()).extracting(JobAttempt::end).containsExactly(AttemptEnd.LEASE_EXPIRED);

        assertThat(queue().finish("w1", current, completed)).isTrue();
        assertThat(queue().finish("w1", current, completed)).isFalse();
        assertThat(jobs().find(id).orElseThrow().history()).hasSize(2);
        assertThat(queue().status(id)).contains(JobStatus.COMPLETED);
    }

    /** Attempts recorded at the same moment (PostgreSQL writes them in one transaction) are each fenced alone. */
    @Test
    void concurrentFinishesAreEachRecordedOrFencedOnTheirOwn() throws Exception {
        PayloadRef p = newPayload();
        int count = 40;
        for (int i = 0; i < count; i++) {
            enqueue(p, null);
        }
        List<ClaimedJob> claimed = new ArrayList<>();
        while (claimed.size() < count) {
            claimed.addAll(claim("w1", count));
        }
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ClaimedJob job = claimed.get(i);
                // Every third attempt comes from a worker that does not hold the lease.
                String worker = i % 3 == 0 ? "w2" : "w1";
                AttemptResult result = new AttemptResult(AttemptEnd.COMPLETED, null, 1, null,
                        List.of(result("001" + job.id()), result("003" + job.id())), now);
                outcomes.add(threads.submit(() -> {
                    start.await();
                    return queue().finish(worker, job, result);
                }));
            }
            start.countDown();
            for (int i = 0; i < count; i++) {
                ClaimedJob job = claimed.get(i);
                boolean fenced = i % 3 == 0;
                assertThat(outcomes.get(i).get(30, TimeUnit.SECONDS)).as("job %d recorded", job.id()).isEqualTo(!fenced);
                Job stored = jobs().find(job.id()).orElseThrow();
                assertThat(stored.status()).isEqualTo(fenced ? JobStatus.RUNNING : JobStatus.COMPLETED);
                assertThat(stored.results()).extracting(TargetResult::recordId)
                        .isEqualTo(fenced ? List.of() : List.of("001" + job.id(), "003" + job.id()));
                assertThat(stored.history()).hasSize(fenced ? 0 : 1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void finishRecordsEachAttemptAndKeepsTheLastResults() {
        PayloadRef p = newPayload();
        long id = enqueue(p, null);
        ClaimedJob first = claimOne("w1");
        at(START.plusSeconds(5));
        finish("w1", first, new AttemptResult(AttemptEnd.RETRY, START.plusSeconds(60), 0, "UNAVAILABLE: try later",
                List.of(result("001A")), now));

        Job retrying = jobs().find(id).orElseThrow();
        assertThat(retrying.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(retrying.nextAttemptAt()).isEqualTo(START.plusSeconds(60));
        assertThat(retrying.finishedAt()).isNull();
        assertThat(retrying.error()).isEqualTo("UNAVAILABLE: try later");
        assertThat(retrying.results()).containsExactly(result("001A"));

        at(START.plusSeconds(60));
        ClaimedJob second = claimOne("w2");
        at(START.plusSeconds(62));
        TargetResult failed = new TargetResult("contact", 1, "Contact", null, null, null, false, "REQUIRED",
                "x".repeat(5_000));
        finish("w2", second, new AttemptResult(AttemptEnd.PARTIAL, null, 1, "1 of 2 records failed",
                List.of(result("001B"), failed), now));

        Job done = jobs().find(id).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.PARTIAL);
        assertThat(done.startedAt()).isEqualTo(START.plusSeconds(60));
        assertThat(done.finishedAt()).isEqualTo(START.plusSeconds(62));
        assertThat(done.nextAttemptAt()).isNull();
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.recordsProcessed()).isEqualTo(1);
        assertThat(done.error()).isEqualTo("1 of 2 records failed");
        assertThat(done.results()).extracting(TargetResult::recordId).containsExactly("001B", null);
        assertThat(done.results().get(1).message()).hasSize(4_000);
        assertThat(done.history()).containsExactly(
                new JobAttempt(1, "w1", START, START.plusSeconds(5), AttemptEnd.RETRY, "UNAVAILABLE: try later"),
                new JobAttempt(2, "w2", START.plusSeconds(60), START.plusSeconds(62), AttemptEnd.PARTIAL,
                        "1 of 2 records failed"));
        assertThat(queue().renew("w2", LEASE)).isZero();
    }

    @Test
    void aLongErrorIsCut() {
        PayloadRef p = newPayload();
        long id = enqueue(p, null);

        finish("w1", claimOne("w1"), new AttemptResult(AttemptEnd.FAILED, null, 0, "e".repeat(5_000), List.of(), now));

        Job job = jobs().find(id).orElseThrow();
        assertThat(job.error()).hasSize(4_000);
        assertThat(job.history().get(0).error()).hasSize(4_000);
    }

    // Held, discarded and expired jobs

    @Test
    void heldJobsAreReleasedWhenTheirPayloadAndIntegrationAreActive() {
        PayloadRef p = newPayload();
        setPayloadActive(p.integration, p.payload, false);
        long id = queue().enqueue(job(p, JobStatus.HELD, null, null)).jobId();

        assertThat(queue().releaseHeld()).isZero();
        setPayloadActive(p.integration, p.payload, true);
        setIntegrationActive(p.integration, false);
        assertThat(queue().releaseHeld()).isZero();
        assertThat(queue().status(id)).contains(JobStatus.HELD);
        setIntegrationActive(p.integration, true);
        at(START.plusSeconds(7));
        assertThat(queue().releaseHeld()).isEqualTo(1);

        Job released = jobs().find(id).orElseThrow();
        assertThat(released.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(released.nextAttemptAt()).isEqualTo(START.plusSeconds(7));
        finish("w1", claimOne("w1"), ended(AttemptEnd.HELD));
        Job heldAgain = jobs().find(id).orElseThrow();
        assertThat(heldAgain.status()).isEqualTo(JobStatus.HELD);
        assertThat(heldAgain.nextAttemptAt()).isNull();
        assertThat(heldAgain.finishedAt()).isNull();
        assertThat(heldAgain.history()).extracting(JobAttempt::end).containsExactly(AttemptEnd.HELD);
        assertThat(queue().releaseHeld()).isEqualTo(1);
    }

    @Test
    void onlyADeadJobCanBeDiscarded() {
        PayloadRef p = newPayload();
        long dead = enqueue(p, null);
        long completed = enqueue(p, null);
        long queued = enqueue(p, null);
        List<ClaimedJob> claimed = claim("w1", 2);
        finish("w1", claimed.get(0), ended(AttemptEnd.DEAD));
        finish("w1", claimed.get(1), ended(AttemptEnd.COMPLETED));
        at(START.plusSeconds(9));

        assertThat(queue().discard(completed)).isFalse();
        assertThat(queue().discard(queued)).isFalse();
        assertThat(queue().discard(dead + 1_000)).isFalse();
        assertThat(queue().discard(dead)).isTrue();
        assertThat(queue().discard(dead)).isFalse();

        Job discarded = jobs().find(dead).orElseThrow();
        assertThat(discarded.status()).isEqualTo(JobStatus.DISCARDED);
        assertThat(discarded.finishedAt()).isEqualTo(START.plusSeconds(9));
        assertThat(queue().status(completed)).contains(JobStatus.COMPLETED);
    }

    @Test
    void deleteExpiredKeepsEachIntegrationsRetention() {
        PayloadRef shortLived = newPayload();
        PayloadRef byDefault = newPayload();
        setRetentionDays(shortLived.integration, 10);
        at(START.minus(Duration.ofDays(40)));
        long defaultOld = finished(byDefault, "evt_old", AttemptEnd.COMPLETED);
        at(START.minus(Duration.ofDays(20)));
        long shortOld = finished(shortLived, "evt_old", AttemptEnd.FAILED);
        long shortUnfinished = queue().enqueue(job(shortLived, JobStatus.HELD, null, null)).jobId();
        long defaultKept = finished(byDefault, null, AttemptEnd.COMPLETED);
        at(START.minus(Duration.ofDays(5)));
        long shortKept = finished(shortLived, null, AttemptEnd.COMPLETED);
        at(START);

        Map<String, Integer> deleted = queue().deleteExpired(START, 30);

        assertThat(deleted).containsExactlyInAnyOrderEntriesOf(Map.of(shortLived.integration, 1,
                byDefault.integration, 1));
        assertThat(jobs().find(defaultOld)).isEmpty();
        assertThat(jobs().find(shortOld)).isEmpty();
        assertThat(List.of(shortUnfinished, defaultKept, shortKept)).allSatisfy(id ->
                assertThat(jobs().find(id)).isPresent());
        assertThat(queue().deleteExpired(START, 30)).isEmpty();
        assertThat(queue().enqueue(job(shortLived, JobStatus.QUEUED, "evt_old", null)).duplicate()).isFalse();
    }

    @Test
    void theResponseCodeIsRecordedLater() {
        PayloadRef p = newPayload();
        long id = enqueue(p, null);

        queue().recordResponse(id, 207);
        queue().recordResponse(id + 1_000, 200);

        assertThat(jobs().find(id).orElseThrow().responseCode()).isEqualTo(207);
    }

    // Reads

    @Test
    void searchFiltersAndPagesNewestFirstWithoutRequests() {
        PayloadRef charge = newPayload();
        createPayload(charge.integration, "refund");
        long j1 = enqueue(charge, null);
        at(START.plus(Duration.ofHours(1)));
        long j2 = queue().enqueue(job(new PayloadRef(charge.integration, "refund"), JobStatus.HELD, null, null))
                .jobId();
        at(START.plus(Duration.ofHours(2)));
        long j3 = enqueue(charge, null);
        long j4 = enqueue(charge, null);
        finish("w1", claimOne("w1"), new AttemptResult(AttemptEnd.COMPLETED, null, 1, null, List.of(result("001A")),
                now));

        assertThat(ids(search(charge.integration, null, Set.of(), null, null, 0, 10))).containsExactly(j4, j3, j2, j1);
        assertThat(ids(search(charge.integration, charge.payload, Set.of(), null, null, 0, 10)))
                .containsExactly(j4, j3, j1);
        assertThat(ids(search(charge.integration, null, Set.of(JobStatus.HELD, JobStatus.DEAD), null, null, 0, 10)))
                .containsExactly(j2);
        assertThat(ids(search(null, "refund", Set.of(), START.plus(Duration.ofHours(1)),
                START.plus(Duration.ofHours(2)), 0, 10))).containsExactly(j2);
        Page<Job> last = search(charge.integration, null, Set.of(), null, null, 1, 3);
        assertThat(ids(last)).containsExactly(j1);
        assertThat(last.total()).isEqualTo(4);
        Page<Job> beyond = search(charge.integration, null, Set.of(), null, null, 9, 3);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(4);
        Job listed = search(charge.integration, null, Set.of(JobStatus.COMPLETED), null, null, 0, 10).items().get(0);
        assertThat(listed.id()).isEqualTo(j1);
        assertThat(listed.attempts()).isEqualTo(1);
        assertThat(listed.request()).isNull();
        assertThat(listed.results()).isEmpty();
        assertThat(listed.history()).isEmpty();
        assertThat(jobs().find(j1).orElseThrow().results()).hasSize(1);
    }

    // Concurrency

    @Test
    void eightClaimersTakeEachOf500JobsExactlyOnce() throws Exception {
        PayloadRef p = newPayload();
        for (int i = 0; i < 500; i++) {
            enqueue(p, null);
        }
        CountDownLatch go = new CountDownLatch(1);

        List<List<Long>> taken = concurrently(8, worker -> {
            go.await();
            List<Long> ids = new ArrayList<>();
            for (List<ClaimedJob> claimed = claim("w" + worker, 10); !claimed.isEmpty();
                 claimed = claim("w" + worker, 10)) {
                ids.addAll(ids(claimed));
            }
            return ids;
        }, go);

        List<Long> claimed = taken.stream().flatMap(List::stream).toList();
        assertThat(claimed).hasSize(500).doesNotHaveDuplicates();
        assertThat(claim("w0", 10)).isEmpty();
        assertThat(search(p.integration, null, Set.of(JobStatus.RUNNING), null, null, 0, 1).total()).isEqualTo(500);
    }

    @Test
    void concurrentWorkersRunTheJobsOfAnOrderingKeyOneAtATimeInOrder() throws Exception {
        PayloadRef p = newPayload();
        int keys = 5;
        int perKey = 12;
        Map<Long, Integer> keyOf = new HashMap<>();
        Map<Long, Integer> positionOf = new HashMap<>();
        for (int i = 0; i < keys * perKey; i++) {
            long id = enqueue(p, "key-" + (i % keys));
            keyOf.put(id, i % keys);
            positionOf.put(id, i / keys);
        }
        AtomicInteger[] finishedPerKey = new AtomicInteger[keys];
        for (int k = 0; k < keys; k++) {
            finishedPerKey[k] = new AtomicInteger();
        }
        AtomicInteger finished = new AtomicInteger();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);

        concurrently(8, worker -> {
            go.await();
            while (finished.get() < keys * perKey && System.nanoTime() < deadline) {
                List<ClaimedJob> claimed = claim("w" + worker, 3);
                if (claimed.isEmpty()) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
                for (ClaimedJob job : claimed) {
                    int key = keyOf.get(job.id());
                    // Counted before the finish commits, so a claim after the commit always sees it.
                    int done = finishedPerKey[key].getAndIncrement();
                    if (done != positionOf.get(job.id())) {
                        violations.add(job.jobNumber() + " of key-" + key + " ran after " + done + " earlier jobs; "
                                + "expected " + positionOf.get(job.id()));
                    }
                    if (!queue().finish("w" + worker, job, ended(AttemptEnd.COMPLETED))) {
                        violations.add(job.jobNumber() + " could not be finished");
                    }
                    finished.incrementAndGet();
                }
            }
            return null;
        }, go);

        assertThat(violations).isEmpty();
        assertThat(finished.get()).isEqualTo(keys * perKey);
    }

    // Helpers

    /** An integration and payload, both new, active and with the default retention. */
    private record PayloadRef(String integration, String payload) {
    }

    private PayloadRef newPayload() {
        PayloadRef ref = new PayloadRef("queue-" + NAMES.incrementAndGet(), "charge");
        createPayload(ref.integration, ref.payload);
        return ref;
    }

    private void at(Instant instant) {
        now = instant;
        setNow(instant);
    }

    private static NewJob job(PayloadRef p, JobStatus status, @Nullable String dedupeKey,
                              @Nullable String orderingKey) {
        return new NewJob(p.integration, p.payload, Direction.INBOUND, status, JobSource.EXTERNAL_API, REQUEST,
                dedupeKey, orderingKey, null, null);
    }

    private long enqueue(PayloadRef p, @Nullable String orderingKey) {
        return queue().enqueue(job(p, JobStatus.QUEUED, null, orderingKey)).jobId();
    }

    /** A job queued, claimed and finished now; the queue must have no other due job. */
    private long finished(PayloadRef p, @Nullable String dedupeKey, AttemptEnd end) {
        long id = queue().enqueue(job(p, JobStatus.QUEUED, dedupeKey, null)).jobId();
        ClaimedJob claimed = claimOne("w1");
        assertThat(claimed.id()).isEqualTo(id);
        finish("w1", claimed, ended(end));
        return id;
    }

    private List<ClaimedJob> claim(String worker, int max) {
        return queue().claim(worker, max, LEASE);
    }

    private ClaimedJob claimOne(String worker) {
        List<ClaimedJob> claimed = claim(worker, 1);
        assertThat(claimed).as("claimed jobs").hasSize(1);
        return claimed.get(0);
    }

    private void finish(String worker, ClaimedJob job, AttemptResult result) {
        assertThat(queue().finish(worker, job, result)).as("finish of " + job.jobNumber()).isTrue();
    }

    private AttemptResult ended(AttemptEnd end) {
        return new AttemptResult(end, null, 0, end == AttemptEnd.COMPLETED ? null : "ended " + end, List.of(), now);
    }

    private AttemptResult retryAt(Instant next) {
        return new AttemptResult(AttemptEnd.RETRY, next, 0, "UNAVAILABLE", List.of(), now);
    }

    private static TargetResult result(String recordId) {
        return new TargetResult("account", 0, "Account", "UPSERT", recordId, true, true, null, null);
    }

    private Page<Job> search(@Nullable String integration, @Nullable String payload, Set<JobStatus> statuses,
                             @Nullable Instant from, @Nullable Instant to, int page, int size) {
        return jobs().search(new JobQuery(integration, payload, statuses, from, to, page, size));
    }

    private List<Job> all(PayloadRef p) {
        return jobs().search(new JobQuery(p.integration, p.payload, Set.of(), null, null, 0, JobQuery.MAX_SIZE))
                .items();
    }

    private static List<Long> ids(List<ClaimedJob> claimed) {
        return claimed.stream().map(ClaimedJob::id).toList();
    }

    private static List<Long> ids(Page<Job> page) {
        return page.items().stream().map(Job::id).toList();
    }

    /** Runs {@code task} on {@code threads} threads, opens {@code go}, and returns each thread's answer. */
    private static <T> List<T> concurrently(int threads, Task<T> task, CountDownLatch go) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(executor.submit((Callable<T>) () -> task.run(index)));
            }
            go.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(90, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            executor.shutdownNow();
        }
    }

    /** The work of one thread of {@link #concurrently}. */
    @FunctionalInterface
    private interface Task<T> {
        T run(int thread) throws Exception;
    }
}
