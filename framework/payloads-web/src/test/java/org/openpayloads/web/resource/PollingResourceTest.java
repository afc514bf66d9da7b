package org.openpayloads.web.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.connector.Watermark;
import org.openpayloads.engine.port.PollStates;
import org.openpayloads.web.TestServer;

/**
 * The polling status and reset over HTTP: on a server that does not poll, and on one whose pollers read the state
 * a test puts in a {@link StoredStates}.
 */
class PollingResourceTest {

    private static final String CHARGE_POLL = """
            {"apiName":"charge-poll","kind":"POLLING","credential":"stripe","dedupeKey":"$.id",
             "expansions":[{"path":"$.customer","credential":"stripe","resource":"/v1/customers/{id}","optional":true}],
             "polling":{"trigger":"new-charge","intervalSeconds":30,"backfillFrom":"2026-01-01",
                        "options":{"expand":"customer"}}}""";
    private static final String STATUS = "/api/v1/integrations/shop/payloads/charge-poll/polling";
    private static final Instant LEASED_UNTIL = TestServer.NOW.plusSeconds(30);

    private static final StoredStates states = new StoredStates();
    private static TestServer withoutPollers;
    private static TestServer polling;

    @BeforeAll
    static void start() {
        withoutPollers = TestServer.start();
        polling = TestServer.polling(states);
        for (TestServer server : new TestServer[] {withoutPollers, polling}) {
            server.given().contentType(ContentType.JSON).body("{\"apiName\":\"shop\"}").post("/api/v1/integrations")
                    .then().statusCode(201);
            server.given().contentType(ContentType.JSON).body("{\"apiName\":\"stripe\",\"type\":\"STRIPE\","
                    + "\"secrets\":{\"secretKey\":\"sk_test_key\"}}").post("/api/v1/integrations/shop/credentials")
                    .then().log().ifValidationFails().statusCode(201);
            server.given().contentType(ContentType.JSON).body("{\"apiName\":\"charge\"}")
                    .post("/api/v1/integrations/shop/payloads").then().log().ifValidationFails().statusCode(201);
        }
        polling.given().contentType(ContentType.JSON).body(CHARGE_POLL).post("/api/v1/integrations/shop/payloads")
                .then().log().ifValidationFails().statusCode(201)
                .body("polling.backfillFrom", equalTo("2026-01-01T00:00:00Z"))
                .body("polling.options.expand", equalTo("customer"))
                .body("expansions[0].optional", equalTo(true));
    }

    @AfterAll
    static void stop() {
        withoutPollers.close();
        polling.close();
    }

    @Test
    void aServerThatDoesNotPollAnswers404InTheErrorForm() {
        withoutPollers.given().get("/api/v1/integrations/shop/payloads/charge/polling")
                .then().statusCode(404).contentType(ContentType.JSON)
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.message", equalTo("This server does not run POLLING payloads"));
        withoutPollers.given().post("/api/v1/integrations/shop/payloads/charge/polling/reset")
                .then().statusCode(404).contentType(ContentType.JSON)
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.message", equalTo("This server does not run POLLING payloads"));
    }

    @Test
    void aServerThatDoesNotPollTakesNoPollingPayload() {
        withoutPollers.given().contentType(ContentType.JSON).body(CHARGE_POLL)
                .post("/api/v1/integrations/shop/payloads")
                .then().statusCode(422)
                .body("error.fields[0].field", equalTo("polling.trigger"))
                .body("error.fields[0].message", equalTo("'new-charge' is not offered: no API connector is "
                        + "installed on this server"));
    }

    @Test
    void theStatusNeedsAnAdminToken() {
        polling.anonymous().get(STATUS).then().statusCode(401);
        polling.anonymous().post(STATUS + "/reset").then().statusCode(401);
    }

    @Test
    void theStatusShowsTheWatermarkTheLastPollAndTheLease() {
        Instant polledAt = TestServer.NOW.minusSeconds(5);
        states.put(new PollStates.PollState(new Watermark(1_767_225_600L, "ch_9"),
                Instant.parse("2026-01-01T00:00:00Z"), polledAt, false, "Stripe answered 503", 42));

        polling.given().get(STATUS).then().statusCode(200)
                .body("watermarkPosition", equalTo(1_767_225_600))
                .body("watermarkLastId", equalTo("ch_9"))
                .body("backfillFrom", equalTo("2026-01-01T00:00:00Z"))
                .body("lastPolledAt", equalTo(polledAt.toString()))
                .body("caughtUp", equalTo(false))
                .body("lastError", equalTo("Stripe answered 503"))
                .body("itemsTaken", equalTo(42))
                .body("leaseOwner", equalTo(TestServer.POLLER))
                .body("leaseExpiresAt", equalTo(LEASED_UNTIL.toString()));
    }

    @Test
    void aResetForgetsTheWatermarkAndShowsTheNewState() {
        states.put(new PollStates.PollState(new Watermark(100, "ch_1"), null, TestServer.NOW, true, null, 1));

        polling.given().post(STATUS + "/reset").then().statusCode(200)
                .body("watermarkPosition", nullValue())
                .body("watermarkLastId", nullValue())
                .body("lastPolledAt", nullValue())
                .body("caughtUp", equalTo(true))
                .body("itemsTaken", equalTo(0))
                .body("leaseOwner", equalTo(TestServer.POLLER));

        assertThat(states.find("shop", "charge-poll")).isEmpty();
    }

    @Test
    void aPayloadThatDoesNotPollOrDoesNotExistIsA404() {
        polling.given().get("/api/v1/integrations/shop/payloads/charge/polling").then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.message", equalTo("Payload shop/charge is of kind API_PUSH and does not poll; expected "
                        + "a POLLING payload"));
        polling.given().post("/api/v1/integrations/shop/payloads/charge/polling/reset").then().statusCode(404);
        polling.given().get("/api/v1/integrations/shop/payloads/nope/polling").then().statusCode(404)
                .body("error.message", equalTo("No payload 'shop/nope' exists"));
        polling.given().get("/api/v1/integrations/nope/payloads/charge-poll/polling").then().statusCode(404)
                .body("error.message", equalTo("No integration 'nope' exists"));
    }

    /**
     * The state of the one POLLING payload, as a test puts it, and a lease the pollers hold until
     * {@link #LEASED_UNTIL}. The pollers are never started, so only the reads and the reset are used.
     */
    private static final class StoredStates implements PollStates {

        private final Map<String, PollState> stored = new ConcurrentHashMap<>();

        void put(PollState state) {
            stored.put("shop/charge-poll", state);
        }

        @Override
        public Optional<PollState> find(String integration, String payload) {
            return Optional.ofNullable(stored.get(integration + "/" + payload));
        }

        @Override
        public Optional<Lease> holder(String integration) {
            return Optional.of(new Lease(TestServer.POLLER, LEASED_UNTIL));
        }

        @Override
        public void reset(String integration, String payload) {
            stored.remove(integration + "/" + payload);
        }

        @Override
        public boolean lease(String integration, String owner, Instant now, Duration lease) {
            throw new AssertionError("the pollers are not started");
        }

        @Override
        public boolean save(String integration, String payload, String owner, Instant now, PollState state) {
            throw new AssertionError("the pollers are not started");
        }

        @Override
        public void release(String owner) {
            // Closing the pollers gives up their leases; there are none to give up here.
        }
    }
}
