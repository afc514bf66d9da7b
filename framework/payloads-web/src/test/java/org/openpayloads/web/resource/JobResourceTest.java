package org.openpayloads.web.resource;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.model.JobRequest;
import org.openpayloads.engine.model.JobSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.TargetResult;
import org.openpayloads.web.TestServer;

class JobResourceTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.jobs.add(job(1, "IN-000001", "charge", JobStatus.COMPLETED, "2026-01-01T10:00:00Z",
                "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8)));
        server.jobs.add(job(2, "IN-000002", "charge", JobStatus.FAILED, "2026-01-02T10:00:00Z", new byte[] {(byte) 0xff}));
        server.jobs.add(job(3, "IN-000003", "refund", JobStatus.DEAD, "2026-01-03T10:00:00Z", new byte[0]));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Job job(long id, String number, String payload, JobStatus status, String receivedAt, byte[] body) {
        return new Job(id, number, "stripe", payload, Direction.INBOUND, status, JobSource.EXTERNAL_API,
                Instant.parse(receivedAt), null, null, 1, 1, 200, status == JobStatus.COMPLETED ? null : "failed", null,
                new JobRequest("application/json", Map.of("Stripe-Signature-Id", "x"), body),
                List.of(new TargetResult("account", 0, "Account", "UPSERT", "001A", true, true, null, null)));
    }

    @Test
    void listsJobsNewestFirstWithoutTheirRequests() {
        server.given().get("/api/v1/jobs")
                .then().statusCode(200)
                .body("items.jobNumber", equalTo(List.of("IN-000003", "IN-000002", "IN-000001")))
                .body("page", equalTo(0)).body("size", equalTo(50)).body("total", equalTo(3))
                .body("items[0]", not(hasKey("request")))
                .body("items[2].sourceLabel", equalTo("External API"));
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
    void aJobIsFoundByIdOrNumberWithItsRequest() {
        server.given().get("/api/v1/jobs/1")
                .then().statusCode(200).body("jobNumber", equalTo("IN-000001"))
                .body("request.body", equalTo("{\"id\":\"evt_1\"}"))
                .body("request", not(hasKey("bodyEncoding")))
                .body("results[0].recordId", equalTo("001A"));
        server.given().get("/api/v1/jobs/IN-000002")
                .then().statusCode(200).body("request.body", equalTo("/w==")).body("request.bodyEncoding", equalTo("base64"))
                .body("status", equalTo("FAILED")).body("error", equalTo("failed"));
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
        server.given().get("/api/v1/jobs").then().body("items.integration", hasItem("stripe"));
    }
}
