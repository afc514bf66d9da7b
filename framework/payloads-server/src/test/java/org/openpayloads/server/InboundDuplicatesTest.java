package org.openpayloads.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
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
 * Two deliveries of one Stripe event at the same instant, on two connections, store one job: one caller gets 202,
 * the other 200 {@code "duplicate":true}, both naming the same job; and each customer ends with one Account.
 */
class InboundDuplicatesTest {

    private static final int EVENTS = 500;
    private static final int CUSTOMERS = 100;
    /** Pairs of connections; both of a pair post the same event, released together by a barrier. */
    private static final int PAIRS = 8;

    private final Path directory = InboundProcesses.workDirectory("InboundDuplicatesTest");

    private final TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
    private Node node;

    @AfterEach
    void stopTheNodeAndDropTheSchema() {
        if (node != null) {
            node.close();
        }
        database.close();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void twoConcurrentDeliveriesOfAnEventStoreOneJob() throws Exception {
        node = Node.start("server", database, directory);
        InboundProcesses.configureStripe(node, true);
        List<Event> events = new StripeWebhooks("dupes").events(EVENTS, CUSTOMERS);

        long started = System.nanoTime();
        List<Delivery[]> pairs = raceEachEventOnTwoConnections(events);
        // Near half each way shows that the two deliveries really raced.
        System.out.printf("%d events posted twice each on %d connections in %.1f s; stored by the first side %d "
                + "times, by the second %d%n", EVENTS, 2 * PAIRS, InboundProcesses.seconds(started),
                pairs.stream().filter(p -> p[0].status() == 202).count(),
                pairs.stream().filter(p -> p[1].status() == 202).count());

        List<String> wrong = new ArrayList<>();
        for (Delivery[] pair : pairs) {
            String problem = problem(pair[0], pair[1]);
            if (problem != null) {
                wrong.add(problem + ": " + pair[0] + " | " + pair[1]);
            }
        }
        assertThat(wrong.subList(0, Math.min(10, wrong.size()))).as("events whose two deliveries were not one 202"
                + " and one 200 duplicate of the same job (first 10 of " + wrong.size() + ")").isEmpty();

        Tables tables = new Tables(database);
        tables.awaitDrained(EVENTS, Duration.ofSeconds(120), node);
        Map<String, Long> jobs = InboundProcesses.eachEventHasExactlyOneJob(tables, events);
        assertThat(pairs.stream().filter(p -> jobs.get(p[0].event().id()) != p[0].jobId()).limit(5)
                .map(p -> p[0] + " but stored " + jobs.get(p[0].event().id())).toList())
                .as("receipts naming another job than the one stored").isEmpty();
        assertThat(tables.jobsByStatus()).as("jobs by status").isEqualTo(Map.of("COMPLETED", (long) EVENTS));
        InboundProcesses.eachCustomerHasExactlyOneAccount(tables, node, events);
    }

    /** Null when the pair is as it should be, else what is wrong with it. */
    private static @Nullable String problem(Delivery a, Delivery b) {
        if (!a.acknowledged() || !b.acknowledged()) {
            return "not both 2xx";
        }
        if (a.jobId() < 0 || a.jobId() != b.jobId()) {
            return "different jobs";
        }
        boolean aFirst = a.status() == 202 && !a.duplicate() && b.status() == 200 && b.duplicate();
        boolean bFirst = b.status() == 202 && !b.duplicate() && a.status() == 200 && a.duplicate();
        return aFirst || bFirst ? null : "not one 202 and one 200 duplicate";
    }

    /**
     * Lane {@code l} of {@value #PAIRS} takes events l, l + PAIRS, …; its two threads, each with a connection of
     * its own, wait for each other before each event and then post it at the same time.
     */
    private List<Delivery[]> raceEachEventOnTwoConnections(List<Event> events) throws Exception {
        Delivery[][] results = new Delivery[events.size()][2];
        Sender sender = new Sender(node);
        ExecutorService threads = Executors.newFixedThreadPool(2 * PAIRS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int lane = 0; lane < PAIRS; lane++) {
                CyclicBarrier together = new CyclicBarrier(2);
                for (int side = 0; side < 2; side++) {
                    int l = lane;
                    int s = side;
                    running.add(threads.submit(() -> {
                        HttpClient connection = Sender.newConnection();
                        for (int i = l; i < events.size(); i += PAIRS) {
                            await(together);
                            results[i][s] = sender.deliver(connection, events.get(i));
                        }
                    }));
                }
            }
            for (Future<?> thread : running) {
                thread.get(2, TimeUnit.MINUTES);
            }
        } catch (TimeoutException e) {
            throw new AssertionError("Posting the pairs took over 2 minutes", e);
        } catch (ExecutionException e) {
            throw new AssertionError("A sender thread failed", e.getCause());
        } finally {
            threads.shutdownNow();
        }
        return List.of(results);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for the other side of the pair", e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new AssertionError("The other side of the pair did not come within 30 s", e);
        }
    }
}
