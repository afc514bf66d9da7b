package org.openpayloads.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
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
 * Two server processes on one PostgreSQL database drain one backlog together: both take a real share, and no job
 * is run twice.
 *
 * <p>The backlog is made the way an operator gets one: the payload is inactive with {@code whenInactive: HOLD},
 * so the endpoint stores each of the 5,000 deliveries as a HELD job and no worker may take it. With both nodes up,
 * the payload is activated; the next maintenance run of either node queues every held job at once, and the two
 * nodes' workers then compete for them through {@code FOR UPDATE SKIP LOCKED}. Nothing is written to the tables
 * behind the server's back.
 */
class TwoNodesTest {

    private static final int EVENTS = 5_000;
    private static final int CUSTOMERS = 1_000;
    private static final int CONNECTIONS = 16;
    /** The smallest share of the jobs each node must have run. */
    private static final double MIN_SHARE = 0.10;

    private final Path directory = InboundProcesses.workDirectory("TwoNodesTest");

    private final TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
    private final List<Node> nodes = new ArrayList<>();

    @AfterEach
    void stopNodesAndDropTheSchema() {
        nodes.forEach(Node::close);
        database.close();
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void twoNodesDrainOneBacklogEachJobRunOnce() {
        Node a = start("a");
        InboundProcesses.configureStripe(a, false);
        List<Event> events = new StripeWebhooks("twonodes").events(EVENTS, CUSTOMERS);
        Tables tables = new Tables(database);
        storeTheBacklogAsHeldJobs(a, events, tables);

        Node b = start("b");
        long started = System.nanoTime();
        InboundProcesses.activatePayload(a);
        tables.awaitDrained(EVENTS, Duration.ofSeconds(240), a, b);
        System.out.printf("Two nodes drained %d jobs in %.1f s%n%s%n%s%n", EVENTS, InboundProcesses.seconds(started),
                a.warnings(20), b.warnings(20));

        assertThat(tables.jobsByStatus()).as("jobs by status").isEqualTo(Map.of("COMPLETED", (long) EVENTS));
        noJobRanTwice(tables, a, b);
        eachNodeDidAMeaningfulShare(tables, a, b);
        InboundProcesses.eachEventHasExactlyOneJob(tables, events);
        InboundProcesses.eachCustomerHasExactlyOneAccount(tables, b, events);
    }

    private static void storeTheBacklogAsHeldJobs(Node node, List<Event> events, Tables tables) {
        long started = System.nanoTime();
        List<Delivery> deliveries = new Sender(node).deliverAll(events, CONNECTIONS, d -> {
        }, Duration.ofSeconds(120));
        System.out.printf("Backlog of %d held jobs stored in %.1f s%n", events.size(),
                InboundProcesses.seconds(started));
        assertThat(deliveries.stream().filter(d -> d.status() != 202 || !"HELD".equals(d.receipt().path("status")
                .asText())).limit(5).toList()).as("deliveries not answered 202 HELD").isEmpty();
        assertThat(tables.jobsByStatus()).as("the backlog").isEqualTo(Map.of("HELD", (long) events.size()));
    }

    /** Each job has one attempt, which completed it: no lease was lost, no job was taken by both nodes. */
    private static void noJobRanTwice(Tables tables, Node a, Node b) {
        assertThat(tables.rows("SELECT j.job_number, j.attempts, a.attempt, a.worker, a.outcome, a.started_at, "
                + "a.error FROM job j JOIN job_attempt a ON a.job_id = j.id WHERE j.id IN (SELECT job_id FROM "
                + "job_attempt GROUP BY job_id HAVING COUNT(*) > 1) ORDER BY j.id, a.attempt", 10))
                .as("attempts of jobs run more than once; attempts by outcome " + tables.counts("SELECT outcome, "
                        + "COUNT(*) FROM job_attempt GROUP BY outcome") + "\n" + a.warnings(20) + "\n"
                        + b.warnings(20)).isEmpty();
        assertThat(tables.count("SELECT COUNT(*) FROM job j WHERE j.attempts <> 1 OR NOT EXISTS "
                + "(SELECT 1 FROM job_attempt a WHERE a.job_id = j.id AND a.outcome = 'COMPLETED')"))
                .as("jobs without exactly one, completed, attempt").isZero();
    }

    /** The attempts by worker; a worker id names its process ({@code host:pid:random}), so each maps to a node. */
    private static void eachNodeDidAMeaningfulShare(Tables tables, Node a, Node b) {
        Map<String, Long> byWorker = tables.counts("SELECT worker, COUNT(*) FROM job_attempt GROUP BY worker");
        Map<String, Long> byNode = new TreeMap<>();
        byWorker.forEach((worker, count) -> byNode.merge(worker.contains(":" + a.pid() + ":") ? a.name()
                : worker.contains(":" + b.pid() + ":") ? b.name() : "unknown worker " + worker, count, Long::sum));
        // Attempts started per second of the drain, by worker: shows whether a node with a small share stalled.
        List<String> timeline = tables.rows("SELECT worker, FLOOR(EXTRACT(EPOCH FROM started_at - (SELECT "
                + "MIN(started_at) FROM job_attempt))) AS second, COUNT(*) FROM job_attempt GROUP BY worker, second "
                + "ORDER BY second, worker", 200);
        System.out.println("Attempts by node: " + byNode + " (workers " + byWorker.keySet() + ")");
        assertThat(byWorker).as("attempts by worker").hasSize(2);
        assertThat(byNode).as("attempts by node").containsOnlyKeys(a.name(), b.name());
        byNode.forEach((node, count) -> assertThat(count).as("jobs node " + node + " ran, of " + EVENTS
                        + "; attempts started per second by worker:\n" + String.join("\n", timeline) + "\n"
                        + a.warnings(20) + "\n" + b.warnings(20))
                .isGreaterThan((long) (EVENTS * MIN_SHARE)));
    }

    private Node start(String name) {
        Node node = Node.start(name, database, directory);
        nodes.add(node);
        return node;
    }
}
