package org.openpayloads.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.JobRequest;
import org.openpayloads.engine.model.JobSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NewJob;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.port.JobQueue;
import org.openpayloads.engine.port.JobQueueContract;
import org.openpayloads.engine.port.JobRepository;
import org.openpayloads.store.StoreTesting.OpenStore;
import org.openpayloads.testkit.TestDatabase;

/**
 * The JDBC queue, with the Hibernate reads of its jobs, keeps the contract every queue keeps: on HSQLDB in the
 * default run, on PostgreSQL in the second. One store serves the class; each test starts with no jobs.
 */
@Tag("database")
class JdbcJobQueueTest extends JobQueueContract {

    private static final String ACTOR = "queue-test";
    private static OpenStore open;

    @BeforeAll
    static void open() {
        open = OpenStore.create();
    }

    @AfterAll
    static void close() {
        open.close();
    }

    @Override
    protected JobQueue queue() {
        return open.store().jobQueue();
    }

    @Override
    protected JobRepository jobs() {
        return open.store().jobs();
    }

    @Override
    protected void setNow(Instant instant) {
        open.clock().set(instant);
    }

    /** Results and attempts go with their jobs (ON DELETE CASCADE). */
    @Override
    protected void startEmpty() {
        StoreTesting.execute(open.database(), "DELETE FROM job");
        StoreTesting.execute(open.database(), "ALTER SEQUENCE job_number_in_seq RESTART WITH 1");
        StoreTesting.execute(open.database(), "ALTER SEQUENCE job_number_out_seq RESTART WITH 1");
    }

    @Override
    protected void createPayload(String integration, String payload) {
        if (open.store().integrations().find(integration).isEmpty()) {
            open.store().integrations().create(StoreTesting.integration(integration), ACTOR);
        }
        open.store().payloads().create(integration, StoreTesting.smallPayload(payload), ACTOR);
    }

    @Override
    protected void setIntegrationActive(String integration, boolean active) {
        Integration stored = open.store().integrations().find(integration).orElseThrow();
        open.store().integrations().update(integration, new Integration(stored.apiName(), stored.label(),
                stored.description(), active, stored.retentionDays(), stored.audit()), ACTOR);
    }

    @Override
    protected void setPayloadActive(String integration, String payload, boolean active) {
        Payload p = open.store().payloads().find(integration, payload).orElseThrow();
        open.store().payloads().update(integration, payload, new Payload(p.apiName(), p.label(), p.description(),
                p.direction(), p.kind(), p.contentType(), p.allowPartialSuccess(), active, p.auth(), p.dedupeKey(),
                p.orderingKey(), p.syncResponse(), p.whenInactive(), p.redactPaths(), p.endpointUrl(),
                p.httpMethod(), p.credential(), p.elements(), p.targets(), p.sources(), p.audit()), ACTOR);
    }

    @Override
    protected void setRetentionDays(String integration, @Nullable Integer days) {
        Integration stored = open.store().integrations().find(integration).orElseThrow();
        open.store().integrations().update(integration, new Integration(stored.apiName(), stored.label(),
                stored.description(), stored.active(), days, stored.audit()), ACTOR);
    }

    /**
     * Requests stored at the same moment share a batch on PostgreSQL; a job the database refuses (here a dedupe
     * key longer than its column) fails its whole batch, and then only itself.
     */
    @Test
    void aJobTheDatabaseRefusesFailsOnlyItselfNotTheOthersStoredWithIt() throws Exception {
        createPayload("batch", "charge");
        List<NewJob> good = IntStream.range(0, 40).mapToObj(i -> new NewJob("batch", "charge", Direction.INBOUND,
                JobStatus.QUEUED, JobSource.EXTERNAL_API, new JobRequest("application/json", Map.of(),
                "{}".getBytes(StandardCharsets.UTF_8)), "evt_" + i, null, null, 202)).toList();
        NewJob bad = new NewJob("batch", "charge", Direction.INBOUND, JobStatus.QUEUED, JobSource.EXTERNAL_API,
                new JobRequest("application/json", Map.of(), new byte[0]), "k".repeat(501), null, null, 202);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<JobQueue.Receipt>> stored = new ArrayList<>();
            good.subList(0, 20).forEach(job -> stored.add(senders.submit(() -> queue().enqueue(job))));
            Future<JobQueue.Receipt> refused = senders.submit(() -> queue().enqueue(bad));
            good.subList(20, 40).forEach(job -> stored.add(senders.submit(() -> queue().enqueue(job))));

            assertThatThrownBy(refused::get).hasCauseInstanceOf(IllegalStateException.class);
            for (Future<JobQueue.Receipt> receipt : stored) {
                assertThat(receipt.get().duplicate()).isFalse();
            }
            assertThat(StoreTesting.rows(open.database(), "SELECT COUNT(*) FROM job")).containsExactly(List.of("40"));
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void onHsqldbAClaimReadsTheHeadOfTheDueIndexInsteadOfSortingEveryQueuedJob() {
        assumeTrue(open.database().kind() == TestDatabase.Kind.HSQLDB, "HSQLDB's plan");
        String due = JdbcJobQueue.DUE.replaceFirst("\\?", "CURRENT_TIMESTAMP").replaceFirst("\\?", "32");

        String plan = String.join("\n", StoreTesting.rows(open.database(), "EXPLAIN PLAN FOR " + due).stream()
                .map(row -> row.get(0)).toList());

        // The outer scan walks IX_JOB_DUE in the ORDER BY's order; without it HSQLDB tests every queued job
        // and sorts them all before taking the first 32.
        assertThat(plan).contains("index=IX_JOB_DUE");
        assertThat(plan.replaceAll("\\s+", " ")).contains("order by=[ COLUMN: PUBLIC.JOB.STATUS "
                + "COLUMN: PUBLIC.JOB.NEXT_ATTEMPT_AT COLUMN: PUBLIC.JOB.ID uses index]");
    }
}
