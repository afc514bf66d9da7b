package org.openpayloads.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.api.connector.Watermark;
import org.openpayloads.engine.model.Expansion;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.Polling;
import org.openpayloads.engine.port.PollStates;
import org.openpayloads.engine.port.PollStates.PollState;
import org.openpayloads.store.StoreTesting.OpenStore;

/** The polling lease and watermarks, on HSQLDB in the default run and on PostgreSQL in the second. */
@Tag("database")
class JdbcPollStatesTest {

    private static final String ACTOR = "poll-test";
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static OpenStore open;
    private String integration;

    @BeforeAll
    static void open() {
        open = OpenStore.create();
    }

    @AfterAll
    static void close() {
        open.close();
    }

    @BeforeEach
    void anIntegrationWithAPayload() {
        integration = StoreTesting.unique("polling");
        open.store().integrations().create(StoreTesting.integration(integration), ACTOR);
        open.store().payloads().create(integration, StoreTesting.smallPayload("charge-poll"), ACTOR);
    }

    private PollStates states() {
        return open.store().pollStates();
    }

    @Test
    void oneOwnerHoldsTheLeaseUntilItExpires() {
        assertThat(states().lease(integration, "a", NOW, LEASE)).isTrue();
        assertThat(states().lease(integration, "b", NOW.plusSeconds(29), LEASE)).as("b while a's lease runs").isFalse();
        assertThat(states().lease(integration, "a", NOW.plusSeconds(20), LEASE)).as("a renews").isTrue();
        assertThat(states().lease(integration, "b", NOW.plusSeconds(49), LEASE)).as("b before the renewal ends")
                .isFalse();
        assertThat(states().holder(integration)).contains(new PollStates.Lease("a", NOW.plusSeconds(50)));

        assertThat(states().lease(integration, "b", NOW.plusSeconds(50), LEASE)).as("b once it expired").isTrue();
        assertThat(states().lease(integration, "a", NOW.plusSeconds(51), LEASE)).as("a, taken over").isFalse();
        assertThat(states().holder(integration)).map(PollStates.Lease::owner).contains("b");
    }

    @Test
    void processesRacingForAFreshLeaseLeaveOneHolder() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String owner = "racer-" + i;
                racers.add(() -> states().lease(integration, owner, NOW, LEASE));
            }
            long winners = 0;
            for (Future<Boolean> won : threads.invokeAll(racers)) {
                winners += won.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aWatermarkIsSavedOnlyByTheLeaseHolder() {
        PollState state = new PollState(new Watermark(1_764_000_000L, "ch_3"), null, NOW, true, null, 3);
        assertThat(states().save(integration, "charge-poll", "a", NOW, state)).as("without a lease").isFalse();
        assertThat(states().find(integration, "charge-poll")).isEmpty();

        states().lease(integration, "a", NOW, LEASE);
        assertThat(states().save(integration, "charge-poll", "a", NOW, state)).isTrue();
        assertThat(states().find(integration, "charge-poll")).contains(state);
        assertThat(states().save(integration, "charge-poll", "b", NOW, state)).as("by another process").isFalse();
        assertThat(states().save(integration, "charge-poll", "a", NOW.plus(LEASE), state)).as("after expiry")
                .isFalse();

        PollState next = new PollState(new Watermark(1_764_000_100L, null), Instant.parse("2026-01-01T00:00:00Z"),
                NOW.plusSeconds(15), false, "Stripe answered 503", 250);
        assertThat(states().save(integration, "charge-poll", "a", NOW.plusSeconds(15), next)).isTrue();
        assertThat(states().find(integration, "charge-poll")).contains(next);
    }

    @Test
    void aResetForgetsTheWatermarkAndARestartKeepsIt() {
        states().lease(integration, "a", NOW, LEASE);
        PollState state = new PollState(new Watermark(42, "ch_42"), null, NOW, true, null, 1);
        states().save(integration, "charge-poll", "a", NOW, state);

        open = open.reopen();
        assertThat(states().find(integration, "charge-poll")).as("after a restart").contains(state);

        states().reset(integration, "charge-poll");
        assertThat(states().find(integration, "charge-poll")).isEmpty();
    }

    @Test
    void releaseGivesUpEveryLeaseOfItsOwner() {
        states().lease(integration, "a", NOW, LEASE);
        states().release("a");
        assertThat(states().holder(integration)).isEmpty();
        assertThat(states().lease(integration, "b", NOW, LEASE)).isTrue();
    }

    @Test
    void deletingThePayloadOrIntegrationDeletesItsState() {
        states().lease(integration, "a", NOW, LEASE);
        states().save(integration, "charge-poll", "a", NOW, PollState.NEW);
        long payloadId = Long.parseLong(StoreTesting.rows(open.database(), "SELECT p.id FROM payload p JOIN "
                + "integration i ON i.id = p.integration_id WHERE i.api_name = ?", integration).get(0).get(0));
        assertThat(StoreTesting.count(open.database(), "SELECT COUNT(*) FROM poll_state WHERE payload_id = ?",
                payloadId)).isOne();
        open.store().payloads().delete(integration, "charge-poll", ACTOR);
        assertThat(StoreTesting.count(open.database(), "SELECT COUNT(*) FROM poll_state WHERE payload_id = ?",
                payloadId)).isZero();

        open.store().integrations().delete(integration, ACTOR);
        assertThat(StoreTesting.count(open.database(), "SELECT COUNT(*) FROM poll_lease l JOIN integration i "
                + "ON i.id = l.integration_id WHERE i.api_name = ?", integration)).isZero();
    }

    @Test
    void unknownNamesAreNotFound() {
        assertThatThrownBy(() -> states().lease("no-such-integration", "a", NOW, LEASE))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-integration");
        states().lease(integration, "a", NOW, LEASE);
        assertThatThrownBy(() -> states().save(integration, "no-such-payload", "a", NOW, PollState.NEW))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-payload");
        assertThat(states().find(integration, "no-such-payload")).isEmpty();
    }

    @Test
    void aPayloadKeepsItsExpansionsAndPolling() {
        Payload polling = new Payload("charges", "Charges", null, null, PayloadKind.POLLING, null, false, false, null,
                "$.id", "$.customer.id", false, null, List.of(), null, null, "stripe", List.of(), List.of(), List.of(),
                List.of(new Expansion("$.customer", "stripe", "/v1/customers/{id}")),
                new Polling("new-charge", 30, Instant.parse("2026-01-01T00:00:00Z"), Map.of("expand", "customer")),
                null);
        Payload stored = open.store().payloads().create(integration, StoreTesting.withoutAudit(
                StoreTesting.smallPayload("x")).withElements(List.of()).withTargets(List.of()), ACTOR);
        assertThat(stored.expansions()).isEmpty();
        assertThat(stored.polling()).isNull();

        Payload created = open.store().payloads().create(integration, withDefaults(polling), ACTOR);
        assertThat(created.expansions()).isEqualTo(polling.expansions());
        assertThat(created.polling()).isEqualTo(polling.polling());
        assertThat(open.store().payloads().find(integration, "charges").orElseThrow().polling())
                .isEqualTo(polling.polling());
    }

    private static Payload withDefaults(Payload payload) {
        return new Payload(payload.apiName(), payload.label(), null, payload.kind().direction(), payload.kind(),
                org.openpayloads.engine.model.ContentType.JSON, false, false, null, payload.dedupeKey(),
                payload.orderingKey(), false, null, List.of(), null, null, payload.credential(), List.of(), List.of(),
                List.of(), payload.expansions(), payload.polling(), null);
    }
}
