package org.openpayloads.engine.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.api.RetriableException;
import org.openpayloads.api.connector.PollPage;
import org.openpayloads.api.connector.Watermark;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.config.CredentialPolicy;
import org.openpayloads.engine.config.InMemoryRepositories;
import org.openpayloads.engine.inbound.Intake;
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
import org.openpayloads.engine.port.InMemoryPollStates;
import org.openpayloads.engine.port.JobQuery;
import org.openpayloads.engine.port.PollStates.Lease;
import org.openpayloads.engine.port.PollStates.PollState;
import org.openpayloads.testkit.SettableClock;

/**
 * The pollers over a real configuration service and intake, an in-memory job queue and polling state, and a
 * trigger that answers pages as each test scripts them. Time is a settable clock: each {@link Pollers#tick()} is
 * one round, run on the test's thread.
 */
class PollersTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    /** Two items a poll, three polls in a row while items wait. */
    private static final PollSettings SETTINGS = new PollSettings(Duration.ofSeconds(1), LEASE, 2, 3);
    private static final Duration INTERVAL = Duration.ofSeconds(15);
    private static final Instant NEW_YEAR = Instant.parse("2026-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SettableClock clock = new SettableClock(T0);
    private final InMemoryRepositories repositories = new InMemoryRepositories();
    private final ScriptedApis apis = new ScriptedApis();
    private final ConfigurationService configuration = new ConfigurationService(repositories,
            repositories.payloadRepository, repositories.credentialRepository, CredentialPolicy.NONE, apis);
    private final InMemoryJobQueue queue = new InMemoryJobQueue(clock, InMemoryJobQueue.Catalog.over(configuration));
    private final InMemoryPollStates states = new InMemoryPollStates(InMemoryJobQueue.Catalog.over(configuration));
    private final Intake intake = Intake.over(configuration, repositories.credentialRepository, queue, clock);
    /** Pollers of other processes a test starts, closed after it. */
    private final List<Pollers> others = new ArrayList<>();
    private final Pollers pollers = pollers("node-a");

    PollersTest() {
        configuration.createIntegration(new Integration("stripe", "Stripe", null, true, null), "setup");
        configuration.createCredential("stripe", new CredentialChange("stripe-api", "Stripe API key",
                CredentialType.STRIPE, Map.of(), Map.of("secretKey", "sk_test_key"), Set.of()), "setup");
        configuration.createPayload("stripe", chargePoll(true, null), "setup");
    }

    @AfterEach
    void close() {
        pollers.close();
        others.forEach(Pollers::close);
        intake.close();
    }

    // Where a poll starts

    @Test
    void theFirstPollStartsFromNowAndItsWatermarkIsSaved() {
        apis.answer(page(false, watermark(100, "ch_2"), charge("ch_1", "cus_1"), charge("ch_2", "cus_2")));

        pollers.tick();

        assertThat(apis.calls).containsExactly(new PollCall("stripe", "stripe-api", "new-charge",
                Map.of("expand", "customer"), null, null, 2));
        assertThat(state()).isEqualTo(new PollState(watermark(100, "ch_2"), null, T0, true, null, 2));
    }

    @Test
    void laterPollsStartFromTheSavedWatermark() {
        apis.answer(page(false, watermark(100, "ch_2"), charge("ch_1", "cus_1"), charge("ch_2", "cus_2")));
        pollers.tick();
        clock.advance(INTERVAL);
        apis.answer(page(false, watermark(130, "ch_3"), charge("ch_3", "cus_1")));

        pollers.tick();

        assertThat(apis.calls).extracting(PollCall::after, PollCall::since)
                .containsExactly(tuple(null, null), tuple(watermark(100, "ch_2"), null));
        assertThat(state()).isEqualTo(new PollState(watermark(130, "ch_3"), null, T0.plus(INTERVAL), true, null, 3));
    }

    // What becomes of the items

    @Test
    void eachItemBecomesAQueuedJobOfSourcePollingWithThePayloadsKeys() throws IOException {
        apis.answer(page(false, watermark(100, "ch_2"), charge("ch_1", "cus_1"), charge("ch_2", "cus_2")));

        pollers.tick();

        assertThat(jobs()).extracting(Job::integration, Job::payload, Job::direction, Job::status, Job::source,
                Job::dedupeKey, Job::orderingKey).containsExactly(
                tuple("stripe", "charge-poll", Direction.INBOUND, JobStatus.QUEUED, JobSource.POLLING, "ch_1", "cus_1"),
                tuple("stripe", "charge-poll", Direction.INBOUND, JobStatus.QUEUED, JobSource.POLLING, "ch_2",
                        "cus_2"));
        Job first = queue.find(jobs().get(0).id()).orElseThrow();
        assertThat(first.request().contentType()).isEqualTo("application/json");
        assertThat(first.request().headers()).isEmpty();
        assertThat(JSON.readTree(first.request().body())).isEqualTo(charge("ch_1", "cus_1"));
        assertThat(first.responseCode()).isNull();
    }

    @Test
    void itemsAreStoredAsJobsBeforeTheWatermarkMovesPastThem() {
        List<Integer> jobsAtEachSave = new ArrayList<>();
        states.onSave(state -> jobsAtEachSave.add(jobs().size()));
        apis.answer(page(true, watermark(100, "ch_2"), charge("ch_1", "cus_1"), charge("ch_2", "cus_2")));
        apis.answer(page(false, watermark(130, "ch_3"), charge("ch_3", "cus_3")));

        pollers.tick();

        assertThat(jobsAtEachSave).containsExactly(2, 3);
    }

    @Test
    void anItemFoundAgainIsADuplicateOfItsJobAndIsNotCountedTwice() {
        apis.answer(page(false, watermark(100, "ch_1"), charge("ch_1", "cus_1")));
        pollers.tick();
        clock.advance(INTERVAL);
        apis.answer(page(false, watermark(130, "ch_2"), charge("ch_1", "cus_1"), charge("ch_2", "cus_2")));

        pollers.tick();

        assertThat(jobs()).extracting(Job::dedupeKey).containsExactly("ch_1", "ch_2");
        assertThat(state().itemsTaken()).isEqualTo(2);
    }

    // When a payload polls

    @Test
    void whileItemsWaitItPollsAgainInTheSameRoundUpToItsMostPolls() {
        apis.answer(page(true, watermark(1, "ch_2"), charge("ch_1", "cus_1"), charge("ch_2", "cus_1")));
        apis.answer(page(true, watermark(2, "ch_4"), charge("ch_3", "cus_1"), charge("ch_4", "cus_1")));
        apis.answer(page(true, watermark(3, "ch_6"), charge("ch_5", "cus_1"), charge("ch_6", "cus_1")));

        pollers.tick();

        assertThat(apis.calls).extracting(PollCall::after)
                .containsExactly(null, watermark(1, "ch_2"), watermark(2, "ch_4"));
        assertThat(state()).isEqualTo(new PollState(watermark(3, "ch_6"), null, T0, false, null, 6));
        assertThat(jobs()).hasSize(6);
    }

    @Test
    void aPayloadNotCaughtUpPollsAgainNextRoundWithoutWaitingItsInterval() {
        apis.answer(page(true, watermark(1, "ch_2"), charge("ch_1", "cus_1"), charge("ch_2", "cus_1")));
        apis.answer(page(true, watermark(2, "ch_4"), charge("ch_3", "cus_1"), charge("ch_4", "cus_1")));
        apis.answer(page(true, watermark(3, "ch_6"), charge("ch_5", "cus_1"), charge("ch_6", "cus_1")));
        pollers.tick();
        clock.advance(SETTINGS.tick());
        apis.answer(page(false, watermark(4, "ch_7"), charge("ch_7", "cus_1")));

        pollers.tick();

        assertThat(apis.calls).hasSize(4).last().extracting(PollCall::after).isEqualTo(watermark(3, "ch_6"));
        assertThat(state()).isEqualTo(new PollState(watermark(4, "ch_7"), null, T0.plus(SETTINGS.tick()), true, null,
                7));

        clock.advance(SETTINGS.tick());
        pollers.tick();

        assertThat(apis.calls).as("caught up: it waits its interval").hasSize(4);
    }

    @Test
    void aCaughtUpPayloadWaitsItsIntervalFromItsLastPoll() {
        apis.answer(page(false, watermark(100, "ch_1"), charge("ch_1", "cus_1")));
        pollers.tick();

        clock.advance(INTERVAL.minusSeconds(1));
        pollers.tick();
        assertThat(apis.calls).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        apis.answer(page(false, watermark(100, "ch_1")));
        pollers.tick();
        assertThat(apis.calls).hasSize(2);
    }

    // Failures

    @Test
    void aFailedPollKeepsTheWatermarkAndRecordsWhyUntilAPollWorksAgain() {
        apis.answer(page(false, watermark(100, "ch_2"), charge("ch_1", "cus_1"), charge("ch_2", "cus_2")));
        pollers.tick();
        clock.advance(INTERVAL);
        apis.fail(new RetriableException("Stripe answered 503"));

        pollers.tick();

        Instant failedAt = T0.plus(INTERVAL);
        assertThat(state()).isEqualTo(new PollState(watermark(100, "ch_2"), null, failedAt, true,
                "Stripe answered 503", 2));

        clock.advance(INTERVAL.minusSeconds(1));
        pollers.tick();
        assertThat(apis.calls).as("a failed poll waits its interval too").hasSize(2);

        clock.advance(Duration.ofSeconds(1));
        apis.answer(page(false, watermark(130, "ch_3"), charge("ch_3", "cus_3")));
        pollers.tick();

        assertThat(apis.calls.get(2).after()).isEqualTo(watermark(100, "ch_2"));
        assertThat(state()).isEqualTo(new PollState(watermark(130, "ch_3"), null, failedAt.plus(INTERVAL), true, null,
                3));
    }

    @Test
    void aFailureAfterSomePagesKeepsWhatTheyTook() {
        apis.answer(page(true, watermark(1, "ch_2"), charge("ch_1", "cus_1"), charge("ch_2", "cus_1")));
        apis.fail(new IllegalStateException());

        pollers.tick();

        assertThat(state()).isEqualTo(new PollState(watermark(1, "ch_2"), null, T0, true,
                "java.lang.IllegalStateException", 2));
        assertThat(jobs()).hasSize(2);
    }

    // Backfill

    @Test
    void aBackfillDateStartsTheFirstPollFromItAndLaterPollsFromTheWatermark() {
        configuration.replacePayload("stripe", "charge-poll", chargePoll(true, NEW_YEAR), "ann");
        apis.answer(page(false, watermark(100, "ch_1"), charge("ch_1", "cus_1")));
        pollers.tick();
        clock.advance(INTERVAL);
        apis.answer(page(false, watermark(100, "ch_1")));

        pollers.tick();

        assertThat(apis.calls).extracting(PollCall::after, PollCall::since)
                .containsExactly(tuple(null, NEW_YEAR), tuple(watermark(100, "ch_1"), null));
        assertThat(state().backfillFrom()).isEqualTo(NEW_YEAR);
    }

    @Test
    void aChangedBackfillDateStartsThePayloadOverFromIt() {
        Instant february = Instant.parse("2026-02-01T00:00:00Z");
        configuration.replacePayload("stripe", "charge-poll", chargePoll(true, february), "ann");
        apis.answer(page(false, watermark(100, "ch_2"), charge("ch_1", "cus_1"), charge("ch_2", "cus_2")));
        pollers.tick();
        configuration.replacePayload("stripe", "charge-poll", chargePoll(true, NEW_YEAR), "ann");
        clock.advance(INTERVAL);
        apis.answer(page(false, watermark(100, "ch_2"), charge("ch_0", "cus_0"), charge("ch_1", "cus_1"),
                charge("ch_2", "cus_2")));

        pollers.tick();

        assertThat(apis.calls.get(1)).extracting(PollCall::after, PollCall::since).containsExactly(null, NEW_YEAR);
        assertThat(state().backfillFrom()).isEqualTo(NEW_YEAR);
        assertThat(jobs()).as("items taken before are duplicates").extracting(Job::dedupeKey)
                .containsExactly("ch_1", "ch_2", "ch_0");
        assertThat(state().itemsTaken()).isEqualTo(3);
    }

    @Test
    void aBackfillDateRemovedDoesNotStartThePayloadOver() {
        configuration.replacePayload("stripe", "charge-poll", chargePoll(true, NEW_YEAR), "ann");
        apis.answer(page(false, watermark(100, "ch_1"), charge("ch_1", "cus_1")));
        pollers.tick();
        configuration.replacePayload("stripe", "charge-poll", chargePoll(true, null), "ann");
        clock.advance(INTERVAL);
        apis.answer(page(false, watermark(100, "ch_1")));

        pollers.tick();

        assertThat(apis.calls.get(1)).extracting(PollCall::after, PollCall::since)
                .containsExactly(watermark(100, "ch_1"), null);
    }

    // Leases

    @Test
    void aProcessThatLostItsLeaseMidPollSavesNothingAndStops() {
        apis.answer(page(false, watermark(100, "ch_2"), charge("ch_1", "cus_1"), charge("ch_2", "cus_2")));
        pollers.tick();
        PollState before = state();
        clock.advance(INTERVAL);
        apis.answer(call -> {
            // This process hangs past its lease, and another takes over.
            clock.advance(LEASE.plusSeconds(1));
            assertThat(states.lease("stripe", "node-b", clock.instant(), LEASE)).isTrue();
            return page(true, watermark(130, "ch_3"), charge("ch_3", "cus_3"));
        });

        pollers.tick();

        assertThat(apis.calls).as("no second poll after the refused save").hasSize(2);
        assertThat(state()).isEqualTo(before);
        assertThat(jobs()).extracting(Job::dedupeKey).containsExactly("ch_1", "ch_2", "ch_3");
        assertThat(states.holder("stripe")).map(Lease::owner).contains("node-b");
    }

    @Test
    void theProcessThatTakesOverGoesOnFromTheLastWatermarkSavedAndFindsDuplicates() {
        Pollers other = pollers("node-b");
        apis.answer(page(false, watermark(100, "ch_2"), charge("ch_1", "cus_1"), charge("ch_2", "cus_2")));
        pollers.tick();
        clock.advance(INTERVAL);
        apis.answer(call -> {
            clock.advance(LEASE.plusSeconds(1));
            other.tick();
            return page(false, watermark(130, "ch_3"), charge("ch_3", "cus_3"));
        });
        apis.answer(page(false, watermark(130, "ch_3"), charge("ch_3", "cus_3")));

        pollers.tick();

        assertThat(apis.calls).as("node-a, then node-b within node-a's poll").extracting(PollCall::after)
                .containsExactly(null, watermark(100, "ch_2"), watermark(100, "ch_2"));
        assertThat(jobs()).as("the item both found runs once").extracting(Job::dedupeKey)
                .containsExactly("ch_1", "ch_2", "ch_3");
        assertThat(state().watermark()).isEqualTo(watermark(130, "ch_3"));
        assertThat(states.holder("stripe")).map(Lease::owner).contains("node-b");
    }

    @Test
    void anotherProcessHoldingTheLeaseKeepsThisOneFromPollingUntilItExpires() {
        assertThat(states.lease("stripe", "node-b", T0, LEASE)).isTrue();

        pollers.tick();
        clock.advance(LEASE.minusMillis(1));
        pollers.tick();

        assertThat(apis.calls).isEmpty();
        assertThat(states.find("stripe", "charge-poll")).isEmpty();

        clock.advance(Duration.ofMillis(1));
        apis.answer(page(false, watermark(100, "ch_1"), charge("ch_1", "cus_1")));
        pollers.tick();

        assertThat(apis.calls).hasSize(1);
        assertThat(states.holder("stripe")).contains(new Lease("node-a", T0.plus(LEASE).plus(LEASE)));
    }

    @Test
    void eachRoundRenewsTheLease() {
        apis.answer(page(false, watermark(100, "ch_1")));
        pollers.tick();
        clock.advance(Duration.ofSeconds(5));

        pollers.tick();

        assertThat(states.holder("stripe")).contains(new Lease("node-a", T0.plusSeconds(5).plus(LEASE)));
    }

    @Test
    void closingGivesUpTheLeasesSoAnotherProcessTakesOverAtOnce() {
        apis.answer(page(false, watermark(100, "ch_1")));
        pollers.tick();
        assertThat(states.holder("stripe")).map(Lease::owner).contains("node-a");

        pollers.close();

        assertThat(states.holder("stripe")).isEmpty();
        assertThat(states.lease("stripe", "node-b", clock.instant(), LEASE)).isTrue();
    }

    // What is not polled

    @Test
    void anInactivePayloadIsNotPolledAndKeepsItsWatermark() {
        apis.answer(page(false, watermark(100, "ch_1"), charge("ch_1", "cus_1")));
        pollers.tick();
        PollState before = state();
        configuration.replacePayload("stripe", "charge-poll", chargePoll(false, null), "ann");
        clock.advance(INTERVAL.multipliedBy(4));

        pollers.tick();

        assertThat(apis.calls).hasSize(1);
        assertThat(state()).isEqualTo(before);
        assertThat(states.holder("stripe")).as("no lease is renewed for nothing to poll")
                .contains(new Lease("node-a", T0.plus(LEASE)));

        configuration.replacePayload("stripe", "charge-poll", chargePoll(true, null), "ann");
        apis.answer(page(false, watermark(130, "ch_2"), charge("ch_2", "cus_2")));
        pollers.tick();

        assertThat(apis.calls.get(1).after()).isEqualTo(watermark(100, "ch_1"));
    }

    @Test
    void anInactiveIntegrationIsNotPolled() {
        configuration.replaceIntegration("stripe", new Integration("stripe", "Stripe", null, false, null), "ann");

        pollers.tick();

        assertThat(apis.calls).isEmpty();
        assertThat(states.holder("stripe")).isEmpty();
    }

    @Test
    void anIntegrationWithoutPollingPayloadsTakesNoLease() {
        configuration.createIntegration(new Integration("shop", "Shop", null, true, null), "setup");
        configuration.createPayload("shop", webhook(), "setup");
        apis.answer(page(false, watermark(100, "ch_1")));

        pollers.tick();

        assertThat(states.holder("shop")).isEmpty();
        assertThat(states.holder("stripe")).isPresent();
    }

    // Status and reset

    @Test
    void theStatusShowsThePayloadsStateAndWhoHoldsTheLease() {
        assertThat(pollers.status("stripe", "charge-poll")).isEqualTo(new Pollers.Status(PollState.NEW, null));
        apis.answer(page(false, watermark(100, "ch_1"), charge("ch_1", "cus_1")));

        pollers.tick();

        assertThat(pollers.status("stripe", "charge-poll")).isEqualTo(new Pollers.Status(
                new PollState(watermark(100, "ch_1"), null, T0, true, null, 1), new Lease("node-a", T0.plus(LEASE))));
    }

    @Test
    void aPayloadThatDoesNotPollHasNoStatusAndNoReset() {
        configuration.createPayload("stripe", webhook(), "ann");

        assertThatThrownBy(() -> pollers.status("stripe", "charge")).isInstanceOf(NotFoundException.class)
                .hasMessage("Payload stripe/charge is of kind API_PUSH and does not poll; expected a POLLING payload");
        assertThatThrownBy(() -> pollers.reset("stripe", "charge")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> pollers.status("stripe", "nope")).isInstanceOf(NotFoundException.class)
                .hasMessage("No payload 'stripe/nope' exists");
        assertThatThrownBy(() -> pollers.status("nope", "charge-poll")).isInstanceOf(NotFoundException.class)
                .hasMessage("No integration 'nope' exists");
    }

    @Test
    void aResetForgetsTheWatermarkSoTheNextPollStartsAgainFromTheBackfillDate() {
        configuration.replacePayload("stripe", "charge-poll", chargePoll(true, NEW_YEAR), "ann");
        apis.answer(page(false, watermark(100, "ch_1"), charge("ch_1", "cus_1")));
        pollers.tick();

        Pollers.Status reset = pollers.reset("stripe", "charge-poll");

        assertThat(reset.state()).isEqualTo(PollState.NEW);
        assertThat(reset.lease()).isEqualTo(new Lease("node-a", T0.plus(LEASE)));
        apis.answer(page(false, watermark(100, "ch_1"), charge("ch_1", "cus_1")));
        pollers.tick();
        assertThat(apis.calls).as("without waiting the interval").hasSize(2).last()
                .extracting(PollCall::after, PollCall::since).containsExactly(null, NEW_YEAR);
        assertThat(jobs()).hasSize(1);
    }

    @Test
    void refusesMissingCollaborators() {
        assertThatThrownBy(() -> new Pollers(configuration, states, apis, intake.inbound(), SETTINGS, clock, null))
                .isInstanceOf(NullPointerException.class).hasMessage("owner");
        assertThatThrownBy(() -> new Pollers(configuration, null, apis, intake.inbound(), SETTINGS, clock, "node"))
                .isInstanceOf(NullPointerException.class).hasMessage("states");
    }

    // Helpers

    private Pollers pollers(String owner) {
        Pollers created = new Pollers(configuration, states, apis, intake.inbound(), SETTINGS, clock, owner);
        if (!owner.equals("node-a")) {
            others.add(created);
        }
        return created;
    }

    private PollState state() {
        return states.find("stripe", "charge-poll").orElseThrow(() -> new AssertionError("no state saved"));
    }

    /** The jobs stored, oldest first. */
    private List<Job> jobs() {
        List<Job> jobs = new ArrayList<>(queue.search(new JobQuery(null, null, Set.of(), null, null, 0, 500)).items());
        Collections.reverse(jobs);
        return jobs;
    }

    private static Payload chargePoll(boolean active, @Nullable Instant backfillFrom) {
        return new Payload("charge-poll", "Stripe charge (polled)", null, Direction.INBOUND, PayloadKind.POLLING,
                ContentType.JSON, false, active, InboundAuth.NONE, "$.id", "$.customer", false,
                InactiveBehaviour.HOLD, List.of(), null, null, "stripe-api", List.of(), List.of(), List.of(),
                List.of(), new Polling("new-charge", (int) INTERVAL.toSeconds(), backfillFrom,
                Map.of("expand", "customer")), null);
    }

    private static Payload webhook() {
        return new Payload("charge", "Stripe charge (webhook)", null, Direction.INBOUND, PayloadKind.API_PUSH,
                ContentType.JSON, false, true, InboundAuth.NONE, "$.id", null, false, InactiveBehaviour.HOLD,
                List.of(), null, null, null, List.of(), List.of(), List.of(), null);
    }

    private static Watermark watermark(long position, String lastId) {
        return new Watermark(position, lastId);
    }

    private static JsonNode charge(String id, String customer) {
        return JSON.createObjectNode().put("id", id).put("object", "charge").put("customer", customer);
    }

    private static PollPage page(boolean more, Watermark watermark, JsonNode... items) {
        return new PollPage(Stream.of(items).toList(), watermark, more);
    }

    /** One call of the trigger, as the pollers made it. */
    private record PollCall(String integration, String credential, String trigger, Map<String, String> options,
                            @Nullable Watermark after, @Nullable Instant since, int maxItems) {
    }

    /** A connector whose trigger answers each poll with the next page scripted; it offers every trigger. */
    private static final class ScriptedApis implements ExternalApis {

        final List<PollCall> calls = new ArrayList<>();
        private final Deque<Function<PollCall, PollPage>> answers = new ArrayDeque<>();

        void answer(PollPage page) {
            answers.add(call -> page);
        }

        void answer(Function<PollCall, PollPage> answer) {
            answers.add(answer);
        }

        void fail(RuntimeException failure) {
            answers.add(call -> {
                throw failure;
            });
        }

        @Override
        public PollPage poll(String integration, String credential, String trigger, Map<String, String> options,
                             @Nullable Watermark after, @Nullable Instant since, int maxItems) {
            PollCall call = new PollCall(integration, credential, trigger, options, after, since, maxItems);
            calls.add(call);
            Function<PollCall, PollPage> answer = answers.poll();
            if (answer == null) {
                throw new AssertionError("no page scripted for " + call);
            }
            return answer.apply(call);
        }

        @Override
        public List<FieldError> checkTrigger(CredentialType type, String trigger, Map<String, String> options) {
            return List.of();
        }

        @Override
        public JsonNode get(String integration, String credential, String path) {
            throw new AssertionError("the pollers read no resource");
        }
    }
}
