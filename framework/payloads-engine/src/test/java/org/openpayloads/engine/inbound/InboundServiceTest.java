package org.openpayloads.engine.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.api.connector.PollPage;
import org.openpayloads.api.connector.Watermark;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.config.CredentialPolicy;
import org.openpayloads.engine.config.InMemoryRepositories;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.InactiveBehaviour;
import org.openpayloads.engine.model.InboundAuth;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.model.JobSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.Polling;
import org.openpayloads.engine.port.ExternalApis;
import org.openpayloads.engine.port.InMemoryJobQueue;
import org.openpayloads.engine.port.JobQuery;
import org.openpayloads.engine.port.JobQueue;
import org.openpayloads.testkit.SettableClock;

/** The intake over a real configuration service and an in-memory queue: what it stores, and what it refuses. */
class InboundServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final SettableClock clock = new SettableClock(NOW);
    private final InMemoryRepositories repositories = new InMemoryRepositories();
    private final ConfigurationService configuration = new ConfigurationService(repositories,
            repositories.payloadRepository, repositories.credentialRepository, CredentialPolicy.NONE,
            new EveryTrigger());
    private final InMemoryJobQueue queue = new InMemoryJobQueue(clock, InMemoryJobQueue.Catalog.over(configuration));
    private final Intake intake = Intake.over(configuration, repositories.credentialRepository, queue, clock);
    private final InboundService inbound = intake.inbound();

    InboundServiceTest() {
        configuration.createIntegration(new Integration("stripe", "Stripe", null, true, null), "setup");
        configuration.createCredential("stripe", new CredentialChange("stripe-api", "Stripe API key",
                CredentialType.STRIPE, Map.of(), Map.of("secretKey", "sk_test_key"), Set.of()), "setup");
        configuration.createPayload("stripe", chargePoll(), "setup");
        configuration.createPayload("stripe", webhook(), "setup");
    }

    @AfterEach
    void close() {
        intake.close();
    }

    @Test
    void aPolledItemIsStoredAsAQueuedJobOfSourcePollingWithThePayloadsKeys() throws IOException {
        JsonNode item = charge("ch_1", "cus_1");

        JobQueue.Receipt receipt = inbound.takePolled("stripe", chargePoll(), item);

        assertThat(receipt.duplicate()).isFalse();
        assertThat(receipt.status()).isEqualTo(JobStatus.QUEUED);
        Job job = queue.find(receipt.jobId()).orElseThrow();
        assertThat(job.jobNumber()).isEqualTo(receipt.jobNumber()).startsWith("IN-");
        assertThat(job.payload()).isEqualTo("charge-poll");
        assertThat(job.direction()).isEqualTo(Direction.INBOUND);
        assertThat(job.source()).isEqualTo(JobSource.POLLING);
        assertThat(job.dedupeKey()).isEqualTo("ch_1");
        assertThat(job.orderingKey()).isEqualTo("cus_1");
        assertThat(job.responseCode()).isNull();
        assertThat(job.request().contentType()).isEqualTo("application/json");
        assertThat(job.request().headers()).isEmpty();
        assertThat(JSON.readTree(job.request().body())).isEqualTo(item);
    }

    @Test
    void anItemFoundTwiceIsADuplicateOfItsFirstJob() {
        JobQueue.Receipt first = inbound.takePolled("stripe", chargePoll(), charge("ch_1", "cus_1"));

        JobQueue.Receipt second = inbound.takePolled("stripe", chargePoll(), charge("ch_1", "cus_1"));

        assertThat(second.duplicate()).isTrue();
        assertThat(second.jobId()).isEqualTo(first.jobId());
        assertThat(second.jobNumber()).isEqualTo(first.jobNumber());
        assertThat(inbound.takePolled("stripe", chargePoll(), charge("ch_2", "cus_1")).duplicate()).isFalse();
    }

    @Test
    void anItemWithoutItsKeysIsStoredWithoutThem() {
        JsonNode noId = JSON.createObjectNode().put("object", "charge");

        JobQueue.Receipt receipt = inbound.takePolled("stripe", chargePoll(), noId);

        Job job = queue.find(receipt.jobId()).orElseThrow();
        assertThat(job.dedupeKey()).isNull();
        assertThat(job.orderingKey()).isNull();
    }

    @Test
    void anItemOfAPayloadThatIsGoneIsNotFound() {
        configuration.deletePayload("stripe", "charge-poll", "ann");

        assertThatThrownBy(() -> inbound.takePolled("stripe", chargePoll(), charge("ch_1", "cus_1")))
                .isInstanceOf(NotFoundException.class).hasMessage("No payload 'stripe/charge-poll' exists");
    }

    @Test
    void aPostToAPollingPayloadIsNotFound() {
        InboundRequest post = request("{\"id\":\"ch_1\"}");

        assertThatThrownBy(() -> inbound.receive("stripe", "charge-poll", post, "application/json", () -> "10.0.0.1",
                false)).isInstanceOf(NotFoundException.class)
                .hasMessage("Payload stripe/charge-poll polls its source and takes no POST; expected a payload of "
                        + "kind API_PUSH");
        assertThat(queue.search(new JobQuery(null, null, Set.of(), null, null, 0, 10))
                .total()).isZero();
    }

    @Test
    void aPostToAnApiPushPayloadIsStoredAsAJobOfSourceExternalApi() {
        InboundService.Received received = inbound.receive("stripe", "charge", request("""
                {"id": "evt_1", "data": {"object": {"customer": "cus_1"}}}"""), "application/json", () -> "10.0.0.1",
                false);

        Job job = queue.find(received.receipt().jobId()).orElseThrow();
        assertThat(job.source()).isEqualTo(JobSource.EXTERNAL_API);
        assertThat(job.dedupeKey()).isEqualTo("evt_1");
        assertThat(job.responseCode()).isEqualTo(202);
        assertThat(received.job()).isNull();
    }

    private static InboundRequest request(String body) {
        return new InboundRequest(Map.of("Content-Type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode charge(String id, String customer) {
        return JSON.createObjectNode().put("id", id).put("object", "charge").put("customer", customer);
    }

    private static Payload chargePoll() {
        return new Payload("charge-poll", "Stripe charge (polled)", null, Direction.INBOUND, PayloadKind.POLLING,
                ContentType.JSON, false, true, InboundAuth.NONE, "$.id", "$.customer", false, InactiveBehaviour.HOLD,
                List.of(), null, null, "stripe-api", List.of(), List.of(), List.of(), List.of(),
                new Polling("new-charge", 15, null, Map.of()), null);
    }

    private static Payload webhook() {
        return new Payload("charge", "Stripe charge (webhook)", null, Direction.INBOUND, PayloadKind.API_PUSH,
                ContentType.JSON, false, true, InboundAuth.NONE, "$.id", "$.data.object.customer", false,
                InactiveBehaviour.HOLD, List.of(), null, null, null, List.of(), List.of(), List.of(), null);
    }

    /** A connector that offers every trigger, so that a POLLING payload can be saved. */
    private static final class EveryTrigger implements ExternalApis {

        @Override
        public List<FieldError> checkTrigger(CredentialType type, String trigger, Map<String, String> options) {
            return List.of();
        }

        @Override
        public JsonNode get(String integration, String credential, String path) {
            throw new AssertionError("the intake reads no resource");
        }

        @Override
        public PollPage poll(String integration, String credential, String trigger, Map<String, String> options,
                             @Nullable Watermark after, @Nullable Instant since, int maxItems) {
            throw new AssertionError("the intake polls nothing");
        }
    }
}
