package org.openpayloads.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openpayloads.server.InboundProcesses.Delivery;
import org.openpayloads.server.InboundProcesses.Event;
import org.openpayloads.server.InboundProcesses.Node;
import org.openpayloads.server.InboundProcesses.Sender;
import org.openpayloads.server.InboundProcesses.StripeWebhooks;
import org.openpayloads.server.InboundProcesses.Tables;
import org.openpayloads.testkit.TestDatabase;

/**
 * {@code kill -9} in the middle of a webhook storm loses nothing that was acknowledged and does nothing twice: a
 * sender posts Stripe events from several connections, the server dies after about 800 acknowledgements, and a
 * new server on the same PostgreSQL database takes the sender's retries (of what got no 2xx, and of some that did),
 * then finishes every job, including those the dead one was running.
 */
class InboundCrashTest {

    private static final int EVENTS = 2_000;
    private static final int CUSTOMERS = 500;
    private static final int CONNECTIONS = 8;
    private static final int KILL_AFTER_ACKS = 800;
    /** Every how many acknowledged events one is delivered again after the restart, as Stripe may. */
    private static final int REDELIVER_EVERY = 10;

    private final Path directory = InboundProcesses.workDirectory("InboundCrashTest");

    private final TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
    private final List<Node> nodes = new ArrayList<>();

    @AfterEach
    void stopNodesAndDropTheSchema() {
        nodes.forEach(Node::close);
        database.close();
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void everyAcknowledgedEventBecomesExactlyOneCompletedJobAcrossAKill9() {
        Node first = start("first", 0);
        InboundProcesses.configureStripe(first, true);
        List<Event> events = new StripeWebhooks("crash").events(EVENTS, CUSTOMERS);
        Map<String, Delivery> firstAcks = postUntilKilled(first, events);

        Node second = start("second", first.port());
        List<Event> retries = new ArrayList<>();
        List<Event> redeliveries = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (!firstAcks.containsKey(events.get(i).id())) {
                retries.add(events.get(i));
            } else if (i % REDELIVER_EVERY == 0) {
                redeliveries.add(events.get(i));
            }
        }
        List<Event> secondRoundEvents = new ArrayList<>(retries);
        secondRoundEvents.addAll(redeliveries);
        List<Delivery> secondRound = new Sender(second).deliverAll(secondRoundEvents, CONNECTIONS, d -> {
        }, Duration.ofSeconds(90));
        System.out.printf("Second round: %d retries and %d redeliveries; answers: %s%n", retries.size(),
                redeliveries.size(), statuses(secondRound));
        theRestartedServerAnswersAsASenderExpects(secondRound.subList(0, retries.size()),
                secondRound.subList(retries.size(), secondRound.size()), firstAcks);

        Tables tables = new Tables(database);
        tables.awaitDrained(EVENTS, Duration.ofSeconds(180), second);
        theJobsAreExactlyTheAcknowledgedEvents(tables, events, firstAcks, secondRound);
        everyJobCompletedAndEveryCustomerHasOneAccount(tables, second, events);
        System.out.println("Attempts by outcome: " + tables.counts("SELECT outcome, COUNT(*) FROM job_attempt "
                + "GROUP BY outcome"));
    }

    /** Posts every event to {@code node}, killing it after {@value #KILL_AFTER_ACKS} acknowledgements. */
    private static Map<String, Delivery> postUntilKilled(Node node, List<Event> events) {
        AtomicInteger acknowledged = new AtomicInteger();
        long started = System.nanoTime();
        List<Delivery> deliveries = new Sender(node).deliverAll(events, CONNECTIONS, delivery -> {
            if (delivery.acknowledged() && acknowledged.incrementAndGet() == KILL_AFTER_ACKS) {
                node.kill9();
            }
        }, Duration.ofSeconds(90));
        Map<String, Delivery> acks = new LinkedHashMap<>();
        deliveries.stream().filter(Delivery::acknowledged).forEach(d -> acks.put(d.event().id(), d));
        System.out.printf("First round: %d of %d acknowledged in %.1f s, then kill -9; answers: %s%n", acks.size(),
                events.size(), InboundProcesses.seconds(started), statuses(deliveries));
        assertThat(node.isAlive()).as("the first server was killed").isFalse();
        assertThat(acks.size()).as("acknowledged before the kill").isBetween(KILL_AFTER_ACKS, events.size() - 1);
        assertThat(deliveries.stream().filter(d -> d.status() != 202 && d.failure() == null).limit(5).toList())
                .as("answers other than 202 (before the kill) or none (after it)").isEmpty();
        return acks;
    }

    /**
     * A retry of what got no answer is stored now (202), or was stored by the dead server just before it died
     * (200 duplicate); a redelivery of an acknowledged event names the job its first answer named.
     */
    private static void theRestartedServerAnswersAsASenderExpects(List<Delivery> retried, List<Delivery> redelivered,
                                                                 Map<String, Delivery> firstAcks) {
        assertThat(retried.stream().filter(d -> !d.acknowledged()).limit(5).toList())
                .as("retries the restarted server did not answer 2xx").isEmpty();
        assertThat(redelivered.stream().filter(d -> d.status() != 200 || !d.duplicate()
                        || d.jobId() != firstAcks.get(d.event().id()).jobId()).limit(5)
                .map(d -> d + ", first answer " + firstAcks.get(d.event().id())).toList())
                .as("redeliveries not answered 200 duplicate with the first job").isEmpty();
        List<String> storedThoughUnanswered = retried.stream().filter(Delivery::duplicate)
                .map(d -> d.event().id()).toList();
        System.out.printf("Retries the dead server had stored but not answered: %d %s%n",
                storedThoughUnanswered.size(), storedThoughUnanswered);
        assertThat(storedThoughUnanswered).as("stored before the kill but never answered: at most one per "
                + "connection in flight").hasSizeLessThanOrEqualTo(CONNECTIONS);
    }

    private Node start(String name, int port) {
        Node node = port == 0 ? Node.start(name, database, directory) : Node.start(name, database, directory, port);
        nodes.add(node);
        return node;
    }

    /** One job per event, and for each acknowledged event the job its acknowledgement named. */
    private static void theJobsAreExactlyTheAcknowledgedEvents(Tables tables, List<Event> events,
                                                              Map<String, Delivery> firstAcks,
                                                              List<Delivery> secondRound) {
        Map<String, Long> jobs = InboundProcesses.eachEventHasExactlyOneJob(tables, events);
        Map<String, Delivery> acks = new LinkedHashMap<>(firstAcks);
        secondRound.forEach(d -> acks.putIfAbsent(d.event().id(), d));
        assertThat(acks.values().stream().filter(d -> jobs.get(d.event().id()) != d.jobId())
                .map(d -> d + " but the stored job is " + jobs.get(d.event().id())).limit(5).toList())
                .as("acknowledgements naming another job than the one stored").isEmpty();
    }

    private static void everyJobCompletedAndEveryCustomerHasOneAccount(Tables tables, Node node, List<Event> events) {
        assertThat(tables.rows("SELECT id, job_number, status, attempts, error FROM job WHERE status IN "
                + "('DEAD', 'FAILED') ORDER BY id", 5)).as("DEAD or FAILED jobs").isEmpty();
        assertThat(tables.jobsByStatus()).as("jobs by status").isEqualTo(Map.of("COMPLETED", (long) EVENTS));
        InboundProcesses.eachCustomerHasExactlyOneAccount(tables, node, events);
    }

    /** How the deliveries were answered: {@code {202=812, no answer=1188}}. */
    private static Map<String, Long> statuses(List<Delivery> deliveries) {
        return InboundProcesses.tally(deliveries.stream()
                .map(d -> d.failure() != null ? "no answer" : d.status() + (d.duplicate() ? " duplicate" : ""))
                .toList());
    }
}
