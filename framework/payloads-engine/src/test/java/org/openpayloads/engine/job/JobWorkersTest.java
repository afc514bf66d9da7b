package org.openpayloads.engine.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.RetriableException;
import org.openpayloads.api.records.FieldDescription;
import org.openpayloads.api.records.ObjectDescription;
import org.openpayloads.api.records.QueryResult;
import org.openpayloads.api.records.RecordClient;
import org.openpayloads.api.records.RecordError;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;
import org.openpayloads.engine.config.CachedConfiguration;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.mapping.LookupCache;
import org.openpayloads.engine.mapping.MappingCompiler;
import org.openpayloads.engine.mapping.MappingEngine;
import org.openpayloads.engine.mapping.MappingService;
import org.openpayloads.engine.model.AttemptEnd;
import org.openpayloads.engine.model.AuditInfo;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.InactiveBehaviour;
import org.openpayloads.engine.model.InboundAuth;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.model.JobAttempt;
import org.openpayloads.engine.model.JobRequest;
import org.openpayloads.engine.model.JobSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NewJob;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.model.WhenPresent;
import org.openpayloads.engine.parse.BodyParser;
import org.openpayloads.engine.parse.ParseLimits;
import org.openpayloads.engine.port.InMemoryJobQueue;
import org.openpayloads.testkit.InMemoryRecordClient;

/**
 * The workers over the in-memory queue and org, in real time: jobs run and complete, failures that may pass
 * are retried until they pass or the attempts run out, failures that cannot pass fail at once, inactive
 * payloads hold their jobs, and jobs of one ordering key never run side by side.
 */
class JobWorkersTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(40));

    private final StoredConfiguration repositories = new StoredConfiguration();
    private final ConfigurationService configuration = new ConfigurationService(repositories, repositories,
            StoredConfiguration.NO_CREDENTIALS);
    private final InMemoryJobQueue queue = new InMemoryJobQueue(CLOCK, InMemoryJobQueue.Catalog.over(configuration));
    private final InMemoryRecordClient org = new InMemoryRecordClient(List.of(account()));
    /** What the engine writes to: the org, unless a test puts something in front of it. */
    private volatile RecordClient target = org;
    private final JobWorkers workers;

    JobWorkersTest() {
        repositories.create(new Integration("stripe", "Stripe", null, true, AuditInfo.NEW), "setup");
        repositories.create("stripe", payload(true), "setup");
        CachedConfiguration cached = new CachedConfiguration(configuration, StoredConfiguration.NO_CREDENTIALS,
                Duration.ZERO);
        MappingService mapping = new MappingService(configuration, new BodyParser(ParseLimits.DEFAULTS),
                new MappingCompiler(10), new MappingEngine(LookupCache.disabled(), (i, c) -> Optional.empty(),
                CLOCK, ZoneOffset.UTC), integration -> target);
        workers = new JobWorkers(queue, new JobRunner(cached, mapping, FAST_RETRIES, CLOCK),
                new WorkerSettings(4, 8, Duration.ofSeconds(5), Duration.ofMillis(20), Duration.ofMillis(50),
                        Duration.ofHours(1), 30, FAST_RETRIES), CLOCK);
    }

    @AfterEach
    void stop() {
        workers.close(1_000);
    }

    @Test
    void aQueuedJobRunsAndItsRecordIsWritten() {
        workers.start();
        long id = enqueue("evt_1", "cus_1");

        Job job = awaitStatus(id, JobStatus.COMPLETED);

        assertThat(org.records("Account")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("Stripe_Customer_Id__c", "cus_1"));
        assertThat(job.history()).extracting(JobAttempt::end).containsExactly(AttemptEnd.COMPLETED);
        assertThat(job.history().get(0).worker()).isEqualTo(workers.workerId());
        assertThat(job.recordsProcessed()).isOne();
    }

    @Test
    void aFailureThatPassesIsRetriedUntilItDoes() {
        AtomicInteger calls = new AtomicInteger();
        org.failWhen(write -> calls.incrementAndGet() == 1 ? new RetriableException("Salesforce answered 503") : null);
        workers.start();
        long id = enqueue("evt_2", "cus_2");

        Job job = awaitStatus(id, JobStatus.COMPLETED);

        assertThat(job.history()).extracting(JobAttempt::end).containsExactly(AttemptEnd.RETRY, AttemptEnd.COMPLETED);
        assertThat(job.history().get(0).error()).contains("503");
        assertThat(job.attempts()).isEqualTo(2);
    }

    @Test
    void aFailureThatNeverPassesMakesTheJobDeadAfterTheLastAttempt() {
        org.failWhen(write -> new RetriableException("Salesforce answered 429"));
        workers.start();
        long id = enqueue("evt_3", "cus_3");

        Job job = awaitStatus(id, JobStatus.DEAD);

        assertThat(job.history()).extracting(JobAttempt::end)
                .containsExactly(AttemptEnd.RETRY, AttemptEnd.RETRY, AttemptEnd.DEAD);
        assertThat(job.error()).startsWith("Gave up after 3 attempts: ").contains("429");
        assertThat(org.records("Account")).isEmpty();
    }

    @Test
    void aLockedRowInAJobUndoneWholeIsRetried() {
        AtomicInteger calls = new AtomicInteger();
        org.refuseWhen(write -> calls.incrementAndGet() == 1
                ? new RecordError("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record", List.of())
                : null);
        workers.start();
        long id = enqueue("evt_4", "cus_4");

        Job job = awaitStatus(id, JobStatus.COMPLETED);

        assertThat(job.history()).extracting(JobAttempt::end).containsExactly(AttemptEnd.RETRY, AttemptEnd.COMPLETED);
    }

    @Test
    void aFailureNoRetryCanFixFailsTheJobAtOnce() {
        org.refuseWhen(write -> new RecordError("REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]",
                List.of("Name")));
        workers.start();
        long refused = enqueue("evt_5", "cus_5");
        long unreadable = queue.enqueue(new NewJob("stripe", "charge", Direction.INBOUND, JobStatus.QUEUED,
                JobSource.EXTERNAL_API, new JobRequest("application/json", Map.of(), "{\"id\":".getBytes(
                StandardCharsets.UTF_8)), null, null, null, 202)).jobId();
        workers.wake();

        assertThat(awaitStatus(refused, JobStatus.FAILED).history()).extracting(JobAttempt::end)
                .containsExactly(AttemptEnd.FAILED);
        assertThat(awaitStatus(unreadable, JobStatus.FAILED).error()).isNotBlank();
    }

    @Test
    void aJobOfAnInactivePayloadIsHeldUntilItIsActivated() {
        long id = enqueue("evt_6", "cus_6");
        repositories.update("stripe", "charge", payload(false), "test");
        workers.start();

        assertThat(awaitStatus(id, JobStatus.HELD).history()).extracting(JobAttempt::end)
                .containsExactly(AttemptEnd.HELD);

        repositories.update("stripe", "charge", payload(true), "test");
        Job job = awaitStatus(id, JobStatus.COMPLETED);
        assertThat(job.history()).extracting(JobAttempt::end).containsExactly(AttemptEnd.HELD, AttemptEnd.COMPLETED);
    }

    @Test
    void jobsOfOneOrderingKeyNeverRunSideBySideAndRunInOrder() {
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        Set<String> overlaps = ConcurrentHashMap.newKeySet();
        Map<String, List<String>> order = new ConcurrentHashMap<>();
        AtomicInteger parallel = new AtomicInteger();
        AtomicInteger mostParallel = new AtomicInteger();
        // Outside the in-memory org, which serializes its calls: each write takes 15 ms, as a real org's would.
        target = new ForwardingRecordClient(org) {
            @Override
            public CompletableFuture<RecordResult> submit(RecordWrite write) {
                String customer = (String) write.fields().get("Stripe_Customer_Id__c");
                if (running.computeIfAbsent(customer, c -> new AtomicInteger()).incrementAndGet() > 1) {
                    overlaps.add(customer);
                }
                mostParallel.accumulateAndGet(parallel.incrementAndGet(), Math::max);
                order.computeIfAbsent(customer, c -> new CopyOnWriteArrayList<>()).add((String) write.fields().get("Name"));
                sleep(15);
                parallel.decrementAndGet();
                running.get(customer).decrementAndGet();
                return super.submit(write);
            }
        };
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            ids.add(enqueue("evt_o" + i, "cus_" + (i % 3), "n" + i));
        }
        workers.start();

        ids.forEach(id -> awaitStatus(id, JobStatus.COMPLETED));

        assertThat(overlaps).as("keys with two jobs running at once").isEmpty();
        assertThat(mostParallel.get()).as("different keys run side by side").isGreaterThan(1);
        for (int key = 0; key < 3; key++) {
            int first = key;
            assertThat(order.get("cus_" + key)).containsExactlyElementsOf(IntStream.range(0, 24)
                    .filter(i -> i % 3 == first).mapToObj(i -> "n" + i).toList());
        }
    }

    @Test
    void aBacklogIsClaimedInWholeBatchesWhileEveryThreadStaysBusy() {
        AtomicInteger parallel = new AtomicInteger();
        AtomicInteger mostParallel = new AtomicInteger();
        target = new ForwardingRecordClient(org) {
            @Override
            public CompletableFuture<RecordResult> submit(RecordWrite write) {
                mostParallel.accumulateAndGet(parallel.incrementAndGet(), Math::max);
                sleep(5);
                parallel.decrementAndGet();
                return super.submit(write);
            }
        };
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(enqueue("evt_b" + i, "cus_b" + i));
        }
        workers.start();

        ids.forEach(id -> awaitStatus(id, JobStatus.COMPLETED));

        // 4 threads, batches of 4: the first claim fills the threads and the batch waiting behind them.
        List<int[]> claims = queue.claims().stream().filter(claim -> claim[1] > 0).toList();
        assertThat(claims.get(0)).containsExactly(4, 4);
        assertThat(claims).as("claims that took jobs, as {max, taken}").allSatisfy(claim ->
                assertThat(claim[0]).isEqualTo(4));
        assertThat(claims).hasSize(15);
        assertThat(mostParallel.get()).isEqualTo(4);
    }

    @Test
    void aLoneJobIsClaimedAsSoonAsItIsQueued() {
        workers.start();
        awaitStatus(enqueue("evt_l1", "cus_l1"), JobStatus.COMPLETED);
        long second = enqueue("evt_l2", "cus_l2");

        awaitStatus(second, JobStatus.COMPLETED);

        assertThat(queue.claims().stream().filter(claim -> claim[1] > 0)).allSatisfy(claim ->
                assertThat(claim[1]).isOne());
    }

    private long enqueue(String event, String customer) {
        return enqueue(event, customer, "Customer " + customer);
    }

    private long enqueue(String event, String customer, String name) {
        String body = "{\"id\":\"" + event + "\",\"data\":{\"object\":{\"customer\":\"" + customer
                + "\",\"name\":\"" + name + "\"}}}";
        long id = queue.enqueue(new NewJob("stripe", "charge", Direction.INBOUND, JobStatus.QUEUED,
                JobSource.EXTERNAL_API, new JobRequest("application/json", Map.of(),
                body.getBytes(StandardCharsets.UTF_8)), event, customer, null, 202)).jobId();
        workers.wake();
        return id;
    }

    private Job awaitStatus(long id, JobStatus status) {
        await(() -> queue.find(id).orElseThrow().status() == status,
                () -> "job " + id + " to be " + status + ", it is " + queue.find(id).orElseThrow());
        return queue.find(id).orElseThrow();
    }

    private static void await(BooleanSupplier condition, Supplier<String> expectation) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited 10 s for " + expectation.get());
            }
            sleep(5);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Payload payload(boolean active) {
        Target account = new Target("account", "Account", 10, "Account", Operation.UPSERT, "Stripe_Customer_Id__c",
                List.of(), WhenPresent.UPDATE, null, null, List.of(
                FieldMapping.element("Stripe_Customer_Id__c", "$.data.object.customer"),
                FieldMapping.element("Name", "$.data.object.name")));
        return new Payload("charge", "Charge", null, Direction.INBOUND, PayloadKind.API_PUSH, ContentType.JSON, false,
                active, InboundAuth.NONE, "$.id", "$.data.object.customer", false, InactiveBehaviour.HOLD, List.of(),
                null, null, null, List.of(), List.of(account), List.of(),
                new AuditInfo(null, null, null, null, active ? 2 : 1));
    }

    /** A client that forwards every call to another. */
    private static class ForwardingRecordClient implements RecordClient {

        private final RecordClient delegate;

        ForwardingRecordClient(RecordClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletableFuture<RecordResult> submit(RecordWrite write) {
            return delegate.submit(write);
        }

        @Override
        public QueryResult query(String soql) {
            return delegate.query(soql);
        }

        @Override
        public Optional<String> findId(String object, String field, Object value) {
            return delegate.findId(object, field, value);
        }

        @Override
        public ObjectDescription describe(String object) {
            return delegate.describe(object);
        }

        @Override
        public long callCount() {
            return delegate.callCount();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private static ObjectDescription account() {
        return new ObjectDescription("Account", Map.of(
                "Id", new FieldDescription("Id", "id", 18, false, false, false, false, false, List.of(), List.of()),
                "Name", new FieldDescription("Name", "string", 255, false, true, true, false, false, List.of(),
                        List.of()),
                "Stripe_Customer_Id__c", new FieldDescription("Stripe_Customer_Id__c", "string", 255, true, true, true,
                        true, true, List.of(), List.of())));
    }
}
