package org.openpayloads.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.model.JobRequest;
import org.openpayloads.engine.model.JobSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NewJob;
import org.openpayloads.engine.model.TargetResult;
import org.openpayloads.engine.port.JobQuery;
import org.openpayloads.engine.port.JobRepository;
import org.openpayloads.engine.port.Page;
import org.openpayloads.store.StoreTesting.OpenStore;

@Tag("database")
class HibernateJobRepositoryTest {

    private static final JobRequest REQUEST = new JobRequest("application/json; charset=utf-8",
            Map.of("Stripe-Event", "evt_1", "User-Agent", "Stripe/1.0"),
            "{\"id\":\"evt_1\",\"amount\":100}".getBytes(StandardCharsets.UTF_8));

    private static OpenStore open;
    private static JobRepository jobs;

    @BeforeAll
    static void open() {
        open = OpenStore.create();
        jobs = open.store().jobs();
    }

    @AfterAll
    static void close() {
        open.close();
    }

    @Test
    void numbersCountUpPerDirectionFromOne() {
        try (OpenStore fresh = OpenStore.create()) {
            String integration = StoreTesting.storedIntegration(fresh.store());
            fresh.store().payloads().create(integration, StoreTesting.smallPayload("charge"), "alice");
            JobRepository freshJobs = fresh.store().jobs();

            String in1 = freshJobs.create(newJob(integration, "charge", Direction.INBOUND)).jobNumber();
            String in2 = freshJobs.create(newJob(integration, "charge", Direction.INBOUND)).jobNumber();
            String out1 = freshJobs.create(newJob(integration, "charge", Direction.OUTBOUND)).jobNumber();

            assertThat(List.of(in1, in2, out1)).containsExactly("IN-000001", "IN-000002", "OUT-000001");
        }
    }

    @Test
    void numbersGrowPastSixDigits() {
        assertThat(HibernateJobRepository.jobNumber(Direction.INBOUND, 123)).isEqualTo("IN-000123");
        assertThat(HibernateJobRepository.jobNumber(Direction.OUTBOUND, 1_234_567)).isEqualTo("OUT-1234567");
    }

    @Test
    void createStoresTheRequestAndFindsItByIdAndNumber() {
        String integration = integrationWithPayload("charge");

        Job created = jobs.create(new NewJob(integration, "charge", Direction.INBOUND, JobStatus.QUEUED,
                JobSource.EXTERNAL_API, REQUEST, "evt_1", "cus_1", null, null));

        assertThat(created.id()).isPositive();
        assertThat(created.integration()).isEqualTo(integration);
        assertThat(created.payload()).isEqualTo("charge");
        assertThat(created.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(created.source()).isEqualTo(JobSource.EXTERNAL_API);
        assertThat(created.receivedAt()).isEqualTo(open.clock().instant());
        assertThat(created.attempts()).isZero();
        assertThat(created.request()).isEqualTo(REQUEST);
        assertThat(jobs.find(created.id())).contains(created);
        assertThat(jobs.findByNumber(created.jobNumber())).contains(created);
        assertThat(StoreTesting.rows(open.database(), "SELECT dedupe_key, ordering_key FROM job WHERE id = ?",
                created.id())).containsExactly(List.of("evt_1", "cus_1"));
    }

    @Test
    void aReplayPointsAtItsOriginal() {
        String integration = integrationWithPayload("charge");
        Job original = jobs.create(newJob(integration, "charge", Direction.INBOUND));

        Job replay = jobs.create(new NewJob(integration, "charge", Direction.INBOUND, JobStatus.HELD,
                JobSource.REPLAY, REQUEST, null, null, original.id(), null));

        assertThat(jobs.find(replay.id()).orElseThrow().replayOf()).isEqualTo(original.id());
        assertThat(replay.status()).isEqualTo(JobStatus.HELD);
    }

    @Test
    void findReturnsTheResultsInOrder() {
        String integration = integrationWithPayload("charge");
        Job job = jobs.create(newJob(integration, "charge", Direction.INBOUND));
        insertResult(job.id(), 2, "contact", 0, "Contact", "INSERT", "003A", true, true, null, null);
        insertResult(job.id(), 1, "account", 0, "Account", "UPSERT", "001A", false, true, null, null);
        insertResult(job.id(), 3, "contact", 1, "Contact", null, null, null, false, "REQUIRED_FIELD_MISSING",
                "LastName is required");

        List<TargetResult> results = jobs.find(job.id()).orElseThrow().results();

        assertThat(results).containsExactly(
                new TargetResult("account", 0, "Account", "UPSERT", "001A", false, true, null, null),
                new TargetResult("contact", 0, "Contact", "INSERT", "003A", true, true, null, null),
                new TargetResult("contact", 1, "Contact", null, null, null, false, "REQUIRED_FIELD_MISSING",
                        "LastName is required"));
    }

    @Test
    void unknownJobsAreEmptyAndAMissingPayloadIsNotFound() {
        String integration = integrationWithPayload("charge");

        assertThat(jobs.find(Long.MAX_VALUE)).isEmpty();
        assertThat(jobs.findByNumber("IN-999999999")).isEmpty();
        assertThatThrownBy(() -> jobs.create(newJob(integration, "missing", Direction.INBOUND)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No payload '" + integration + "/missing' exists");
        assertThatThrownBy(() -> jobs.create(newJob("no-such", "charge", Direction.INBOUND)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No integration 'no-such' exists");
    }

    @Test
    void searchFiltersByIntegrationPayloadStatusAndTime() {
        String integration = integrationWithPayload("charge");
        open.store().payloads().create(integration, StoreTesting.smallPayload("refund"), "alice");
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        open.clock().set(start);
        Job first = jobs.create(newJob(integration, "charge", Direction.INBOUND));
        open.clock().set(start.plus(Duration.ofHours(1)));
        Job second = jobs.create(new NewJob(integration, "refund", Direction.INBOUND, JobStatus.HELD,
                JobSource.EXTERNAL_API, REQUEST, null, null, null, null));
        open.clock().set(start.plus(Duration.ofHours(2)));
        Job third = jobs.create(newJob(integration, "charge", Direction.INBOUND));

        assertThat(numbers(query(integration, null, Set.of(), null, null, 0, 10)))
                .containsExactly(third.jobNumber(), second.jobNumber(), first.jobNumber());
        assertThat(numbers(query(integration, "charge", Set.of(), null, null, 0, 10)))
                .containsExactly(third.jobNumber(), first.jobNumber());
        assertThat(numbers(query(integration, null, Set.of(JobStatus.HELD, JobStatus.DEAD), null, null, 0, 10)))
                .containsExactly(second.jobNumber());
        assertThat(numbers(query(integration, null, Set.of(), start.plus(Duration.ofHours(1)),
                start.plus(Duration.ofHours(2)), 0, 10)))
                .containsExactly(second.jobNumber());
        assertThat(numbers(query(null, "refund", Set.of(), start, null, 0, 10))).contains(second.jobNumber());
    }

    @Test
    void searchPagesNewestFirstWithTheTotalAndNoRequest() {
        String integration = integrationWithPayload("charge");
        open.clock().set(Instant.parse("2031-01-01T00:00:00Z"));
        // Five jobs received at the same instant: the id breaks the tie, newest first.
        List<Job> created = List.of(1, 2, 3, 4, 5).stream()
                .map(i -> jobs.create(newJob(integration, "charge", Direction.INBOUND))).toList();

        Page<Job> page0 = query(integration, null, Set.of(), null, null, 0, 2);
        Page<Job> page2 = query(integration, null, Set.of(), null, null, 2, 2);
        Page<Job> beyond = query(integration, null, Set.of(), null, null, 9, 2);

        assertThat(page0.total()).isEqualTo(5);
        assertThat(page0.page()).isZero();
        assertThat(page0.size()).isEqualTo(2);
        assertThat(numbers(page0)).containsExactly(created.get(4).jobNumber(), created.get(3).jobNumber());
        assertThat(numbers(page2)).containsExactly(created.get(0).jobNumber());
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
        Job listed = page0.items().get(0);
        assertThat(listed.request()).isNull();
        assertThat(listed.results()).isEmpty();
        assertThat(listed.integration()).isEqualTo(integration);
        assertThat(listed.payload()).isEqualTo("charge");
        assertThat(listed.receivedAt()).isEqualTo(created.get(4).receivedAt());
    }

    private static Page<Job> query(String integration, String payload, Set<JobStatus> statuses, Instant from,
                                   Instant to, int page, int size) {
        return jobs.search(new JobQuery(integration, payload, statuses, from, to, page, size));
    }

    private static List<String> numbers(Page<Job> page) {
        return page.items().stream().map(Job::jobNumber).toList();
    }

    private static String integrationWithPayload(String payload) {
        String integration = StoreTesting.storedIntegration(open.store());
        open.store().payloads().create(integration, StoreTesting.smallPayload(payload), "alice");
        return integration;
    }

    private static NewJob newJob(String integration, String payload, Direction direction) {
        return new NewJob(integration, payload, direction, JobStatus.QUEUED, JobSource.EXTERNAL_API, REQUEST, null,
                null, null, null);
    }

    private static long resultIds = 1_000_000;

    private static void insertResult(long jobId, int position, String target, int index, String object,
                                     String operation, String recordId, Boolean created, boolean success,
                                     String errorCode, String message) {
        StoreTesting.execute(open.database(), "INSERT INTO job_result (id, job_id, position, target, item_index, "
                        + "object_name, operation, record_id, created, success, error_code, message) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", resultIds++, jobId, position, target, index,
                object, operation, recordId, created, success, errorCode, message);
    }
}
