package org.openpayloads.web.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpayloads.engine.model.AttemptEnd;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.JobRequest;
import org.openpayloads.engine.model.JobSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NewJob;
import org.openpayloads.engine.model.TargetResult;
import org.openpayloads.engine.port.AttemptResult;
import org.openpayloads.engine.port.ClaimedJob;
import org.openpayloads.web.TestServer;

class JobResourceTest {

    private static final String WORKER = "test-host:1:worker";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        addJobs(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * Three jobs of integration stripe, each received, run once and finished on a day of its own, through the
     * server's queue as workers would: IN-000001 COMPLETED, IN-000002 FAILED with a binary body, IN-000003 DEAD.
     */
    private static void addJobs(TestServer target) {
        target.given().contentType(ContentType.JSON).body("{\"apiName\":\"stripe\"}").post("/api/v1/integrations")
                .then().statusCode(201);
        for (String payload : List.of("charge", "refund")) {
            target.given().contentType(ContentType.JSON).body("{\"apiName\":\"" + payload + "\",\"direction\":"
                            + "\"INBOUND\",\"kind\":\"API_PUSH\",\"contentType\":\"JSON\",\"orderingKey\":\"$.customer\"}")
                    .post("/api/v1/integrations/stripe/payloads").then().log().ifValidationFails().statusCode(201);
        }
        addJob(target, "charge", AttemptEnd.COMPLETED, "2026-01-01T10:00:00Z", "evt_1",
                "{\"id\":\"evt_1\",\"customer\":\"cus_1\"}".getBytes(StandardCharsets.UTF_8));
        addJob(target, "charge", AttemptEnd.FAILED, "2026-01-02T10:00:00Z", null, new byte[] {(byte) 0xff});
        addJob(target, "refund", AttemptEnd.DEAD, "2026-01-03T10:00:00Z", null, new byte[0]);
        target.clock.set(TestServer.NOW);
    }

    private static void addJob(TestServer target, String payload, AttemptEnd end, String receivedAt,
                               @Nullable String dedupeKey, byte[] body) {
        Instant received = Instant.parse(receivedAt);
        target.clock.set(received);
        target.jobs.enqueue(new NewJob("stripe", payload, Direction.INBOUND, JobStatus.QUEUED,
                JobSource.EXTERNAL_API, new JobRequest("application/json", Map.of("Stripe-Signature-Id", "x"), body),
                dedupeKey, dedupeKey == null ? null : "cus_1", null, 200));
        ClaimedJob claimed = target.jobs.claim(WORKER, 1, java.time.Duration.ofSeconds(30)).get(0);
        target.clock.set(received.plusSeconds(2));
        assertThat(target.jobs.finish(WORKER, claimed, new AttemptResult(end, null, 1,
                end == AttemptEnd.COMPLETED ? null : "failed",
                List.of(new TargetResult("account", 0, "Account", "UPSERT", "001A", true, true, null, null)),
                target.clock.instant()))).isTrue();
    }

    @Test
    void listsJobsNewestFirstWithoutTheirRequests() {
        server.given().get("/api/v1/jobs")
                .then().statusCode(200)
                .body("items.jobNumber", equalTo(List.of("IN-000003", "IN-000002", "IN-000001")))
                .body("page", equalTo(0)).body("size", equalTo(50)).body("total", equalTo(3))
                .body("items[0]", not(hasKey("request")))
                .body("items[0]", not(hasKey("history")))
                .body("items[2].sourceLabel", equalTo("External API"))
                .body("items[2].dedupeKey", equalTo("evt_1"))
                .body("items[2].orderingKey", equalTo("cus_1"));
    }

    @Test
    void filtersByPayloadStatusAndTime() {
        server.given().queryParam("payload", "charge").queryParam("status", "failed,completed").get("/api/v1/jobs")
                .then().statusCode(200).body("items", hasSize(2));
        server.given().queryParam("status", "DEAD").queryParam("status", "FAILED").get("/api/v1/jobs")
                .then().statusCode(200).body("items.jobNumber", equalTo(List.of("IN-000003", "IN-000002")));
        server.given().queryParam("from", "2026-01-02T00:00:00Z").queryParam("to", "2026-01-03T00:00:00Z")
                .get("/api/v1/jobs")
                .then().statusCode(200).body("items.jobNumber", equalTo(List.of("IN-000002")));
        server.given().queryParam("size", "1").queryParam("page", "1").get("/api/v1/jobs")
                .then().statusCode(200).body("items.jobNumber", equalTo(List.of("IN-000002"))).body("total", equalTo(3));
    }

    @Test
    void badParametersAreA400WithAFieldErrorEach() {
        server.given().queryParam("status", "BROKEN").queryParam("size", "0").queryParam("from", "soon")
                .get("/api/v1/jobs")
                .then().statusCode(400).body("error.code", equalTo("BAD_REQUEST"))
                .body("error.fields.field", equalTo(List.of("status", "from", "size")));
    }

    @Test
    void aJobIsFoundByIdOrNumberWithItsRequestAndAttempts() {
        server.given().get("/api/v1/jobs/1")
                .then().statusCode(200).body("jobNumber", equalTo("IN-000001"))
                .body("request.body", equalTo("{\"id\":\"evt_1\",\"customer\":\"cus_1\"}"))
                .body("request", not(hasKey("bodyEncoding")))
                .body("results[0].recordId", equalTo("001A"))
                .body("startedAt", equalTo("2026-01-01T10:00:00Z"))
                .body("finishedAt", equalTo("2026-01-01T10:00:02Z"))
                .body("$", not(hasKey("nextAttemptAt")))
                .body("history", hasSize(1))
                .body("history[0].worker", equalTo(WORKER))
                .body("history[0].outcome", equalTo("COMPLETED"))
                .body("history[0].durationMillis", equalTo(2000));
        server.given().get("/api/v1/jobs/IN-000002")
                .then().statusCode(200).body("request.body", equalTo("/w==")).body("request.bodyEncoding", equalTo("base64"))
                .body("status", equalTo("FAILED")).body("error", equalTo("failed"))
                .body("history[0].error", equalTo("failed"));
    }

    @Test
    void anUnknownJobIsA404() {
        server.given().get("/api/v1/jobs/99").then().statusCode(404).body("error.message", equalTo("No job '99' exists"));
        server.given().get("/api/v1/jobs/latest").then().statusCode(404)
                .body("error.message", org.hamcrest.Matchers.containsString("expected a job id such as 42"));
    }

    @Test
    void jobsNeedAToken() {
        server.anonymous().get("/api/v1/jobs").then().statusCode(401);
        server.anonymous().post("/api/v1/jobs/1/replay").then().statusCode(401);
        server.given().get("/api/v1/jobs").then().body("items.integration", hasItem("stripe"));
    }

    /** On a server of its own: replays and discards change the jobs the other tests list. */
    @Test
    void aFinishedJobIsReplayedAndADeadOneDiscarded() {
        try (TestServer own = TestServer.start()) {
            addJobs(own);

            own.given().post("/api/v1/jobs/IN-000001/replay")
                    .then().log().ifValidationFails().statusCode(201)
                    .header("Location", equalTo("http://127.0.0.1:" + own.port() + "/api/v1/jobs/4"))
                    .body("jobNumber", equalTo("IN-000004")).body("replayOf", equalTo(1))
                    .body("source", equalTo("REPLAY")).body("status", equalTo("QUEUED"))
                    .body("orderingKey", equalTo("cus_1"))
                    .body("$", not(hasKey("dedupeKey")));
            own.given().post("/api/v1/jobs/4/replay")
                    .then().statusCode(409).body("error.code", equalTo("CONFLICT"))
                    .body("error.fields[0].field", equalTo("status"));

            own.given().post("/api/v1/jobs/IN-000003/discard")
                    .then().statusCode(200).body("status", equalTo("DISCARDED"));
            own.given().post("/api/v1/jobs/IN-000001/discard")
                    .then().statusCode(409).body("error.message", org.hamcrest.Matchers.containsString(
                            "only a DEAD job can be discarded"));

            // Failed and dead jobs by default; IN-000003 is discarded now.
            own.given().queryParam("integration", "stripe").post("/api/v1/jobs/replay")
                    .then().log().ifValidationFails().statusCode(200)
                    .body("replayed", equalTo(1)).body("jobNumbers", equalTo(List.of("IN-000005")))
                    .body("truncated", equalTo(false));
            own.given().post("/api/v1/jobs/replay")
                    .then().statusCode(400).body("error.fields[0].field", equalTo("integration"));
            assertThat(own.jobs.findByNumber("IN-000005").orElseThrow().replayOf()).isEqualTo(2L);
        }
    }
}
