package org.openpayloads.sample.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpayloads.server.PayloadsServer;
import org.openpayloads.testkit.TestDatabase;

/**
 * {@link SampleStripePollingTest} with the watermarks, leases and jobs on PostgreSQL, and two servers on one
 * database: one polls at a time, and the other takes over when it stops.
 */
class SampleStripePollingOnPostgresqlTest extends SampleStripePollingTest {

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }

    @Test
    void twoServersPollOneAtATimeAndTheSecondTakesOverWithNoGapAndNoRepeat() {
        server = start();
        admin().body(Map.of("active", true, "polling", Map.of("intervalSeconds", 1))).contentType(
                "application/merge-patch+json").patch(POLL).then().statusCode(200);
        String first = awaitStatus("the first poll", s -> s.getString("lastPolledAt") != null)
                .getString("leaseOwner");
        PayloadsServer firstServer = server;
        PayloadsServer second = start();
        List<String> made = new ArrayList<>();
        Set<String> owners = new HashSet<>();
        try {
            for (int i = 0; i < 10; i++) {
                made.add(simulator.addCharge(1 + i % 3, 100L + i, "usd").path("id").asText());
                owners.add(awaitStatus("charge " + (i + 1), s -> s.getLong("itemsTaken") == made.size())
                        .getString("leaseOwner"));
            }
            assertThat(owners).as("while both run, the first holder keeps polling").containsExactly(first);

            firstServer.close();
            server = second;
            for (int i = 0; i < 5; i++) {
                made.add(simulator.addCharge(1 + i % 3, 200L + i, "usd").path("id").asText());
            }
            JsonPath takenOver = awaitStatus("the second server's polls", s -> s.getLong("itemsTaken") == 15);
            assertThat(takenOver.getString("leaseOwner")).isNotEqualTo(first);
        } finally {
            if (server != second) {
                second.close();
            }
        }
        awaitJobs(15);
        assertThat(pollJobs()).extracting(job -> job.get("dedupeKey")).containsExactlyInAnyOrderElementsOf(made);
    }
}
