package org.openpayloads.engine.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConflictException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.config.CachedConfiguration;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.model.AttemptEnd;
import org.openpayloads.engine.model.AuditInfo;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.DataType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.InactiveBehaviour;
import org.openpayloads.engine.model.InboundAuth;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.model.JobRequest;
import org.openpayloads.engine.model.JobSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NewJob;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.parse.BodyParser;
import org.openpayloads.engine.parse.ParseLimits;
import org.openpayloads.engine.port.AttemptResult;
import org.openpayloads.engine.port.ClaimedJob;
import org.openpayloads.engine.port.InMemoryJobQueue;
import org.openpayloads.engine.port.JobQuery;

class JobServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHARGE_BODY = "{\"id\":\"evt_1\",\"data\":{\"object\":{\"customer\":\"cus_1\","
            + "\"card\":{\"number\":\"4242424242424242\"}}}}";

    private final StoredConfiguration repositories = new StoredConfiguration();
    private final ConfigurationService configuration = new ConfigurationService(repositories, repositories,
            StoredConfiguration.NO_CREDENTIALS);
    private final InMemoryJobQueue queue = new InMemoryJobQueue(Clock.fixed(NOW, ZoneOffset.UTC),
            InMemoryJobQueue.Catalog.over(configuration));
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final JobService service = new JobService(queue, queue,
            new CachedConfiguration(configuration, StoredConfiguration.NO_CREDENTIALS, Duration.ZERO),
            new BodyParser(ParseLimits.DEFAULTS), wakeUps::incrementAndGet);

    JobServiceTest() {
        repositories.create(new Integration("stripe", "Stripe", null, true, AuditInfo.NEW), "setup");
        repositories.create("stripe", payload("charge", ContentType.JSON, List.of()), "setup");
    }

    // Reads

    @Test
    void findsAJobByIdOrNumber() {
        Job stored = queue.create(charge(JobStatus.QUEUED, "evt_1"));

        assertThat(service.job(Long.toString(stored.id()))).isEqualTo(stored);
        assertThat(service.job("IN-000001")).isEqualTo(stored);
    }

    @Test
    void anythingElseIsNotFoundWithTheExpectedForms() {
        queue.create(charge(JobStatus.QUEUED, "evt_1"));

        assertThatThrownBy(() -> service.job("43")).isInstanceOf(NotFoundException.class)
                .hasMessage("No job '43' exists");
        assertThatThrownBy(() -> service.job("OUT-9")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.job("'; drop table job")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("expected a job id such as 42 or a job number such as IN-000123");
        assertThatThrownBy(() -> service.job("99999999999999999999")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void queriesCheckTheirPage() {
        queue.create(charge(JobStatus.QUEUED, "evt_1"));

        assertThatThrownBy(() -> new JobQuery(null, null, null, null, null, -1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("page must be 0 or more, was -1");
        assertThatThrownBy(() -> new JobQuery(null, null, null, null, null, 0, 501))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("size must be from 1 to 500, was 501");
        assertThat(service.search(new JobQuery("stripe", null, null, null, null, 0, 10)).total()).isEqualTo(1);
        assertThat(service.search(new JobQuery("other", null, null, null, null, 0, 10)).total()).isZero();
    }

    // Replays

    @Test
    void aReplayIsANewJobLinkedToItsOriginalWithItsOrderingKeyReadAgain() {
        // Stored under an ordering key the payload no longer computes: the replay reads the current one.
        Job original = finished(new NewJob("stripe", "charge", Direction.INBOUND, JobStatus.QUEUED,
                JobSource.EXTERNAL_API, jsonRequest(), "evt_1", "old-key", null, 202), AttemptEnd.FAILED);

        Job replay = service.replay(original.jobNumber());

        assertThat(replay.jobNumber()).isEqualTo("IN-000002");
        assertThat(replay.replayOf()).isEqualTo(original.id());
        assertThat(replay.source()).isEqualTo(JobSource.REPLAY);
        assertThat(replay.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(replay.dedupeKey()).isNull();
        assertThat(replay.orderingKey()).isEqualTo("cus_1");
        assertThat(replay.request()).isEqualTo(original.request());
        assertThat(replay.attempts()).isZero();
        assertThat(replay.responseCode()).isNull();
        assertThat(wakeUps).hasValue(1);
        assertThat(service.replay(Long.toString(original.id())).replayOf()).isEqualTo(original.id());
    }

    @Test
    void aReplayOfAnInactivePayloadIsHeld() {
        Job original = finished(charge(JobStatus.QUEUED, "evt_1"), AttemptEnd.COMPLETED);
        repositories.update("stripe", "charge", payload("charge", ContentType.JSON, List.of(), false), "bob");

        assertThat(service.replay(original.jobNumber()).status()).isEqualTo(JobStatus.HELD);
    }

    @Test
    void aJobThatHasNotFinishedCannotBeReplayed() {
        Job queued = queue.create(charge(JobStatus.QUEUED, "evt_1"));

        assertThatThrownBy(() -> service.replay(queued.jobNumber()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("status"))
                .hasMessage("Job IN-000001 is QUEUED; expected a finished job (COMPLETED, PARTIAL, FAILED, DEAD or "
                        + "DISCARDED) to replay");
        assertThat(wakeUps).hasValue(0);
        assertThatThrownBy(() -> service.replay("IN-000404")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aBulkReplayRunsTheMatchingFinishedJobsAgainOldestFirst() {
        Job failed = finished(charge(JobStatus.QUEUED, "evt_1"), AttemptEnd.FAILED);
        Job completed = finished(charge(JobStatus.QUEUED, "evt_2"), AttemptEnd.COMPLETED);
        Job dead = finished(charge(JobStatus.QUEUED, "evt_3"), AttemptEnd.DEAD);
        queue.create(charge(JobStatus.QUEUED, "evt_4"));

        JobService.BulkReplay replays = service.replayAll(new JobQuery("stripe", null,
                Set.of(JobStatus.FAILED, JobStatus.DEAD), null, null, 0, 50));

        assertThat(replays.truncated()).isFalse();
        assertThat(replays.jobNumbers()).containsExactly("IN-000005", "IN-000006");
        assertThat(replayOf("IN-000005")).isEqualTo(failed.id());
        assertThat(replayOf("IN-000006")).isEqualTo(dead.id());
        assertThat(wakeUps).hasValue(2);

        // Without statuses every finished job matches; queued ones (the replays among them) do not.
        JobService.BulkReplay everything = service.replayAll(new JobQuery("stripe", "charge", Set.of(), null, null,
                0, 50));
        assertThat(everything.jobNumbers()).extracting(this::replayOf)
                .containsExactly(failed.id(), completed.id(), dead.id());
    }

    // Discards

    @Test
    void aDeadJobCanBeDiscardedAndNoOtherOne() {
        Job dead = finished(charge(JobStatus.QUEUED, "evt_1"), AttemptEnd.DEAD);
        Job completed = finished(charge(JobStatus.QUEUED, "evt_2"), AttemptEnd.COMPLETED);

        Job discarded = service.discard(dead.jobNumber());

        assertThat(discarded.status()).isEqualTo(JobStatus.DISCARDED);
        assertThat(discarded.finishedAt()).isEqualTo(NOW);
        assertThat(queue.find(dead.id()).orElseThrow().status()).isEqualTo(JobStatus.DISCARDED);
        assertThatThrownBy(() -> service.discard(completed.jobNumber()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("status"))
                .hasMessage("Job IN-000002 is COMPLETED; only a DEAD job can be discarded");
        assertThatThrownBy(() -> service.discard(dead.jobNumber())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("is DISCARDED");
        assertThatThrownBy(() -> service.discard("IN-000404")).isInstanceOf(NotFoundException.class);
    }

    // Redactions

    @Test
    void theDetailMasksRedactedJsonPathsAndHeadersButTheStoredRequestStaysWhole() throws IOException {
        repositories.update("stripe", "charge", payload("charge", ContentType.JSON,
                List.of("$.data.object.card", "header:X-Card-Token", "x-other")), "bob");
        Job stored = queue.create(charge(JobStatus.QUEUED, "evt_1"));

        JobRequest shown = service.job(stored.jobNumber()).request();

        JsonNode body = JSON.readTree(shown.body());
        assertThat(body.at("/data/object/card").asText()).isEqualTo("[REDACTED]");
        assertThat(body.at("/data/object/customer").asText()).isEqualTo("cus_1");
        assertThat(shown.headers()).containsEntry("X-Card-Token", "[REDACTED]")
                .containsEntry("X-Other", "[REDACTED]").containsEntry("User-Agent", "Stripe/1.0");
        assertThat(shown.contentType()).isEqualTo("application/json");
        assertThat(queue.find(stored.id()).orElseThrow().request()).isEqualTo(jsonRequest());
    }

    @Test
    void aFormBodyIsMaskedByTheLastNameOfEachPath() {
        repositories.create("stripe", payload("form", ContentType.FORM_URL_ENCODED,
                List.of("$.card_number", "$['cvc']")), "setup");
        Job stored = queue.create(new NewJob("stripe", "form", Direction.INBOUND, JobStatus.QUEUED,
                JobSource.EXTERNAL_API, new JobRequest("application/x-www-form-urlencoded", Map.of(),
                "name=Ada&card_number=4242&cvc=123&amount=10".getBytes(StandardCharsets.UTF_8)), null, null, null,
                null));

        String body = new String(service.job(stored.jobNumber()).request().body(), StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("name=Ada&card_number=[REDACTED]&cvc=[REDACTED]&amount=10");
    }

    @Test
    void anXmlBodyIsHiddenWholeWhenThePayloadRedactsAnyPath() {
        repositories.create("stripe", payload("order", ContentType.XML, List.of("$.order.card")), "setup");
        Job stored = queue.create(new NewJob("stripe", "order", Direction.INBOUND, JobStatus.QUEUED,
                JobSource.EXTERNAL_API, new JobRequest("application/xml", Map.of("X-Card-Token", "tok"),
                "<order><card>4242</card><id>7</id></order>".getBytes(StandardCharsets.UTF_8)), null, null, null,
                null));

        JobRequest shown = service.job(stored.jobNumber()).request();

        assertThat(new String(shown.body(), StandardCharsets.UTF_8)).startsWith("[application/xml body hidden")
                .doesNotContain("4242");
        assertThat(shown.headers()).containsEntry("X-Card-Token", "tok");
    }

    // Helpers

    private static JobRequest jsonRequest() {
        return new JobRequest("application/json", Map.of("X-Card-Token", "tok_1", "X-Other", "secret",
                "User-Agent", "Stripe/1.0"), CHARGE_BODY.getBytes(StandardCharsets.UTF_8));
    }

    private static NewJob charge(JobStatus status, @Nullable String dedupeKey) {
        return new NewJob("stripe", "charge", Direction.INBOUND, status, JobSource.EXTERNAL_API, jsonRequest(),
                dedupeKey, null, null, null);
    }

    /** The job queued, run once and ended as {@code end}; no other job may be due. */
    private Job finished(NewJob job, AttemptEnd end) {
        long id = queue.enqueue(job).jobId();
        ClaimedJob claimed = queue.claim("worker", 1, Duration.ofSeconds(30)).get(0);
        assertThat(claimed.id()).isEqualTo(id);
        assertThat(queue.finish("worker", claimed, new AttemptResult(end, null, 0,
                end == AttemptEnd.COMPLETED ? null : "ended " + end, List.of(), NOW))).isTrue();
        return queue.find(id).orElseThrow();
    }

    private @Nullable Long replayOf(String jobNumber) {
        return queue.findByNumber(jobNumber).orElseThrow().replayOf();
    }

    private static Payload payload(String apiName, ContentType type, List<String> redactions) {
        return payload(apiName, type, redactions, true);
    }

    private static Payload payload(String apiName, ContentType type, List<String> redactions, boolean active) {
        return new Payload(apiName, apiName, null, Direction.INBOUND, PayloadKind.API_PUSH, type, false, active,
                InboundAuth.NONE, "$.id", "$.data.object.customer", false, InactiveBehaviour.HOLD, redactions, null,
                null, null, List.of(new Element("id", "$.id", DataType.STRING, false, false, List.of())), List.of(),
                List.of(), AuditInfo.NEW);
    }
}
