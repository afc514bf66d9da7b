package org.openpayloads.server;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.model.JobRequest;
import org.openpayloads.engine.model.JobSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NewJob;

/** Jobs are made by the pipeline; here they are stored directly, then read through the admin API. */
@Tag("database")
class JobsApiTest {

    @RegisterExtension
    static final ServerExtension api = new ServerExtension();

    private static Job first;

    @BeforeAll
    static void someJobs() {
        api.admin().body(Samples.integration("stripe")).post("/api/v1/integrations").then().statusCode(201);
        // Inactive, so that the workers leave the stored jobs as they are.
        api.admin().body("{\"apiName\":\"charge\",\"label\":\"Charge\",\"active\":false}")
                .post("/api/v1/integrations/stripe/payloads").then().statusCode(201);
        api.admin().body("{\"apiName\":\"refund\",\"label\":\"Refund\",\"active\":false}")
                .post("/api/v1/integrations/stripe/payloads").then().statusCode(201);
        first = store("charge", JobStatus.HELD, "{\"id\":\"evt_1\"}");
        for (int i = 2; i <= 6; i++) {
            store("charge", i % 2 == 0 ? JobStatus.COMPLETED : JobStatus.FAILED, "{\"id\":\"evt_" + i + "\"}");
        }
        store("refund", JobStatus.DEAD, "{\"id\":\"evt_7\"}");
    }

    private static Job store(String payload, JobStatus status, String body) {
        return api.server().server().store().jobs().create(new NewJob("stripe", payload, Direction.INBOUND, status,
                JobSource.EXTERNAL_API, new JobRequest("application/json", Map.of("User-Agent", "Stripe/1.0"),
                body.getBytes(StandardCharsets.UTF_8)), null, null, null, null));
    }

    @Test
    void listsNewestFirstWithPaging() {
        api.admin().queryParam("size", 3).get("/api/v1/jobs").then().statusCode(200)
                .body("total", equalTo(7)).body("page", equalTo(0)).body("size", equalTo(3))
                .body("items", hasSize(3)).body("items[0].jobNumber", equalTo("IN-000007"))
                .body("items[0].request", nullValue());
        api.admin().queryParam("size", 3).queryParam("page", 2).get("/api/v1/jobs").then()
                .body("items.jobNumber", contains("IN-000001"));
    }

    @Test
    void filtersByIntegrationPayloadStatusAndTime() {
        api.admin().queryParam("payload", "refund").get("/api/v1/jobs").then()
                .body("items.jobNumber", contains("IN-000007"));
        api.admin().queryParam("integration", "stripe").queryParam("status", "FAILED,DEAD").get("/api/v1/jobs")
                .then().body("total", equalTo(3)).body("items.status", everyItem(org.hamcrest.Matchers.oneOf("FAILED", "DEAD")));
        api.admin().queryParam("status", "COMPLETED").queryParam("status", "HELD").get("/api/v1/jobs")
                .then().body("total", equalTo(4));
        api.admin().queryParam("from", "2999-01-01T00:00:00Z").get("/api/v1/jobs").then().body("total", equalTo(0));
        api.admin().queryParam("to", "2000-01-01T00:00:00Z").get("/api/v1/jobs").then().body("total", equalTo(0));
        api.admin().queryParam("integration", "other").get("/api/v1/jobs").then().body("total", equalTo(0));
    }

    @Test
    void readsOneJobByIdOrNumberWithItsRequest() {
        api.admin().get("/api/v1/jobs/" + first.id()).then().statusCode(200)
                .body("jobNumber", equalTo("IN-000001")).body("status", equalTo("HELD"))
                .body("source", equalTo("EXTERNAL_API")).body("sourceLabel", equalTo("External API"))
                .body("integration", equalTo("stripe")).body("payload", equalTo("charge"))
                .body("request.contentType", equalTo("application/json"))
                .body("request.body", equalTo("{\"id\":\"evt_1\"}"))
                .body("request.headers.User-Agent", equalTo("Stripe/1.0"));
        api.admin().get("/api/v1/jobs/IN-000001").then().statusCode(200).body("id", equalTo((int) first.id()));
        api.admin().get("/api/v1/jobs/IN-999999").then().statusCode(404);
        api.admin().get("/api/v1/jobs/nonsense").then().statusCode(404);
    }

    @Test
    void badQueryParametersAre400WithTheParameterNamed() {
        api.admin().queryParam("status", "LOST").queryParam("size", 0).queryParam("page", -1)
                .queryParam("from", "yesterday").get("/api/v1/jobs").then().statusCode(400)
                .body("error.fields.field", hasItem("status")).body("error.fields.field", hasItem("size"))
                .body("error.fields.field", hasItem("page")).body("error.fields.field", hasItem("from"));
    }
}
