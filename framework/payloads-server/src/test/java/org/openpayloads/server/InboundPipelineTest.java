package org.openpayloads.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openpayloads.engine.inbound.InboundService;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /in/{integration}/{payload}} in the real server, through to Accounts in the embedded org: auth,
 * content types, limits, durable intake, dedupe, sync answers, inactive payloads, replay and discard.
 */
@Tag("database")
class InboundPipelineTest {

    @RegisterExtension
    static final ServerExtension api = new ServerExtension();

    private static final String SECRET = Samples.STRIPE_WEBHOOK_SECRET;
    private static final AtomicInteger EVENTS = new AtomicInteger();
    private static final ListAppender<ILoggingEvent> SECURITY_LOG = new ListAppender<>();

    @BeforeAll
    static void stripeIntegration() {
        api.admin().body("""
                {"name":"Stripe_Customer_Id__c","label":"Stripe customer id","type":"string","length":255,
                 "externalId":true,"unique":true}
                """).post("/api/v1/org/objects/Account/fields").then().statusCode(201);
        api.admin().body(Samples.integration("shop")).post("/api/v1/integrations").then().statusCode(201);
        api.admin().body(Samples.stripeCredential()).post("/api/v1/integrations/shop/credentials").then()
                .statusCode(201);
        payload("charge", "", "STRIPE_SIGNATURE", List.of(ACCOUNT));
        payload("sync-charge", "\"syncResponse\":true,", "STRIPE_SIGNATURE", List.of(ACCOUNT, REVENUE_FROM_TEXT));
        payload("partial", "\"allowPartialSuccess\":true,", "NONE", List.of(ACCOUNT, REVENUE_FROM_TEXT));
        payload("held", "\"active\":false,\"whenInactive\":\"HOLD\",", "NONE", List.of(ACCOUNT));
        payload("closed", "\"active\":false,\"whenInactive\":\"REJECT\",", "NONE", List.of(ACCOUNT));
        Logger security = (Logger) LoggerFactory.getLogger(InboundService.SECURITY_LOG);
        SECURITY_LOG.start();
        security.addAppender(SECURITY_LOG);
    }

    @AfterAll
    static void detachLog() {
        ((Logger) LoggerFactory.getLogger(InboundService.SECURITY_LOG)).detachAppender(SECURITY_LOG);
    }

    private static final String ACCOUNT = """
            {"apiName":"account","order":10,"object":"Account","operation":"UPSERT",
             "externalIdField":"Stripe_Customer_Id__c","mappings":[
               {"field":"Stripe_Customer_Id__c","sourceType":"ELEMENT","value":"$.data.object.customer"},
               {"field":"Name","sourceType":"ELEMENT","value":"$.data.object.billing_details.name"}]}""";

    /** Fails every record: a charge's description is text, AnnualRevenue a number. */
    private static final String REVENUE_FROM_TEXT = """
            {"apiName":"revenue","order":20,"object":"Account","operation":"UPSERT",
             "externalIdField":"Stripe_Customer_Id__c","mappings":[
               {"field":"Stripe_Customer_Id__c","sourceType":"ELEMENT","value":"$.data.object.customer"},
               {"field":"AnnualRevenue","sourceType":"ELEMENT","value":"$.data.object.description"}]}""";

    private static void payload(String name, String options, String auth, List<String> targets) {
        api.admin().body("""
                {"apiName":"%s","label":"%s","direction":"INBOUND","kind":"API_PUSH","contentType":"JSON",%s
                 "auth":{"type":"%s","credential":"stripe-api"},
                 "dedupeKey":"$.id","orderingKey":"$.data.object.customer",
                 "redactPaths":["$.data.object.payment_method_details.card","header:User-Agent"],
                 "targets":[%s]}
                """.formatted(name, name, options, auth, String.join(",", targets)))
                .post("/api/v1/integrations/shop/payloads").then().log().ifValidationFails().statusCode(201);
    }

    private static String newEvent() {
        return "evt_" + EVENTS.incrementAndGet() + "_" + System.nanoTime();
    }

    private static RequestSpecification signed(byte[] body) {
        return given().baseUri("http://localhost").port(api.server().server().port())
                .contentType("application/json").header("Stripe-Signature", StripeEvents.signature(body, SECRET))
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)").body(body);
    }

    private static RequestSpecification unsigned() {
        return given().baseUri("http://localhost").port(api.server().server().port());
    }

    /** The job once it has {@code status}; fails after 20 seconds with the status it has then. */
    private static Map<String, Object> awaitJob(long id, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Map<String, Object> job = api.admin().get("/api/v1/jobs/" + id).then().statusCode(200).extract()
                    .jsonPath().getMap("$");
            if (status.equals(job.get("status")) || System.nanoTime() > deadline) {
                assertThat(job.get("status")).as("job %s, whose last error is %s", id, job.get("error"))
                        .isEqualTo(status);
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static long jobCount(String payload) {
        return api.admin().queryParam("integration", "shop").queryParam("payload", payload)
                .get("/api/v1/jobs").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static long accounts(String customer) {
        return api.server().server().defaultOrgClient().query("SELECT Id FROM Account WHERE Stripe_Customer_Id__c = '"
                + customer + "'").totalSize();
    }

    @Test
    void aSignedEventIsStoredAnsweredAndThenUpsertsTheAccount() {
        String customer = "cus_accept_1";
        byte[] body = StripeEvents.chargeSucceeded(newEvent(), customer);

        Response answer = signed(body).post("/in/shop/charge");

        answer.then().statusCode(202).body("status", equalTo("QUEUED")).body("duplicate", nullValue())
                .body("jobNumber", org.hamcrest.Matchers.startsWith("IN-"));
        Map<String, Object> job = awaitJob(answer.jsonPath().getLong("jobId"), "COMPLETED");
        assertThat(job).containsEntry("responseCode", 202).containsEntry("attempts", 1)
                .containsEntry("orderingKey", customer).containsEntry("recordsProcessed", 1);
        assertThat((List<?>) job.get("history")).hasSize(1);
        assertThat(accounts(customer)).isOne();
        @SuppressWarnings("unchecked")
        Map<String, Object> request = (Map<String, Object>) job.get("request");
        assertThat((String) request.get("body")).contains("\"card\":\"[REDACTED]\"").doesNotContain("fingerprint")
                .contains(customer);
        @SuppressWarnings("unchecked")
        Map<String, String> headers = (Map<String, String>) request.get("headers");
        assertThat(headers).containsEntry("user-agent", "[REDACTED]")
                .doesNotContainKey("stripe-signature");
    }

    @Test
    void aRedeliveredEventIsADuplicateOfTheFirstAndRunsNothing() {
        String event = newEvent();
        byte[] body = StripeEvents.chargeSucceeded(event, "cus_dupe_1");
        long first = signed(body).post("/in/shop/charge").then().statusCode(202).extract().jsonPath().getLong("jobId");
        awaitJob(first, "COMPLETED");

        signed(body).post("/in/shop/charge").then().statusCode(200).body("duplicate", equalTo(true))
                .body("jobId", equalTo((int) first)).body("status", equalTo("COMPLETED"));

        assertThat(api.admin().queryParam("integration", "shop").queryParam("size", 500).get("/api/v1/jobs")
                .then().extract().jsonPath().getList("items.findAll { it.dedupeKey == '" + event + "' }")).hasSize(1);
    }

    @Test
    void aBadOrStaleSignatureIs401LoggedAsSecurityAndStoresNoJob() {
        long before = jobCount("charge");
        byte[] body = StripeEvents.chargeSucceeded(newEvent(), "cus_forged");
        long now = System.currentTimeMillis() / 1000;

        unsigned().contentType("application/json").header("Stripe-Signature",
                StripeEvents.signature(body, "whsec_not_the_secret")).body(body).post("/in/shop/charge")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        unsigned().contentType("application/json").header("Stripe-Signature",
                StripeEvents.signature(body, SECRET, now - 3600)).body(body).post("/in/shop/charge")
                .then().statusCode(401).body("error.message", containsString("s old; at most 300 s"));
        unsigned().contentType("application/json").body(body).post("/in/shop/charge")
                .then().statusCode(401).body("error.message", containsString("Stripe-Signature"));

        assertThat(jobCount("charge")).isEqualTo(before);
        assertThat(SECURITY_LOG.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("/in/shop/charge").contains("127.0.0.1")
                        .doesNotContain(SECRET));
    }

    @Test
    void aBodyThatIsNotThePayloadsTypeOrSizeIsRefusedWithA4xx() {
        byte[] body = StripeEvents.chargeSucceeded(newEvent(), "cus_refused");
        signed(body).contentType("application/xml").post("/in/shop/charge").then().statusCode(415)
                .body("error.code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                .body("error.message", containsString("expected application/json"));
        byte[] malformed = "{\"id\":\"evt_x\",".getBytes(StandardCharsets.UTF_8);
        signed(malformed).post("/in/shop/charge").then().statusCode(400)
                .body("error.fields[0].field", equalTo("body"));
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        unsigned().contentType("application/json").body(huge).post("/in/shop/partial").then().statusCode(413)
                .body("error.code", equalTo("PAYLOAD_TOO_LARGE"));
        unsigned().contentType("application/json").body("{}").post("/in/shop/nothing").then().statusCode(404);
        unsigned().contentType("application/json").body("{}").post("/in/nobody/charge").then().statusCode(404);
        signed(body).queryParam("mode", "later").post("/in/shop/charge").then().statusCode(400)
                .body("error.fields[0].field", equalTo("mode"));
    }

    @Test
    void syncModeAnswersWithTheResults() {
        String customer = "cus_sync_1";
        signed(StripeEvents.chargeSucceeded(newEvent(), customer)).queryParam("mode", "sync")
                .post("/in/shop/charge").then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("results[0].target", equalTo("account")).body("results[0].success", equalTo(true));
        assertThat(accounts(customer)).isOne();

        Response failed = signed(StripeEvents.chargeSucceeded(newEvent(), "cus_sync_2")).post("/in/shop/sync-charge");
        failed.then().statusCode(422).body("status", equalTo("FAILED")).body("error.code", equalTo("MAPPING_FAILED"))
                .body("error.message", containsString("revenue"))
                .body("error.fields.field", org.hamcrest.Matchers.hasItem("revenue[0]"));
        assertThat(accounts("cus_sync_2")).as("nothing kept without partial success").isZero();
        assertThat(api.admin().get("/api/v1/jobs/" + failed.jsonPath().getLong("jobId")).then().extract()
                .<Integer>path("responseCode")).isEqualTo(422);

        unsigned().contentType("application/json").body(StripeEvents.chargeSucceeded(newEvent(), "cus_sync_3"))
                .queryParam("mode", "sync").post("/in/shop/partial").then().statusCode(207)
                .body("status", equalTo("PARTIAL")).body("results.success", org.hamcrest.Matchers.hasItems(true, false));
        assertThat(accounts("cus_sync_3")).isOne();
    }

    @Test
    void anInactivePayloadHoldsJobsUntilActivatedOrRejectsWithRetryAfter() {
        String customer = "cus_held_1";
        long held = unsigned().contentType("application/json").body(StripeEvents.chargeSucceeded(newEvent(), customer))
                .post("/in/shop/held").then().statusCode(202).body("status", equalTo("HELD"))
                .extract().jsonPath().getLong("jobId");
        assertThat(accounts(customer)).isZero();

        api.admin().contentType("application/merge-patch+json").body("{\"active\":true}")
                .patch("/api/v1/integrations/shop/payloads/held").then().statusCode(200);
        awaitJob(held, "COMPLETED");
        assertThat(accounts(customer)).isOne();

        long before = jobCount("closed");
        unsigned().contentType("application/json").body(StripeEvents.chargeSucceeded(newEvent(), "cus_closed"))
                .post("/in/shop/closed").then().statusCode(503).header("Retry-After", "60")
                .body("error.code", equalTo("SERVICE_UNAVAILABLE")).body("error.message", containsString("inactive"));
        assertThat(jobCount("closed")).isEqualTo(before);
    }

    @Test
    void aFinishedJobIsReplayedAsANewLinkedJobAndOnlyADeadJobCanBeDiscarded() {
        String customer = "cus_replay_1";
        long original = signed(StripeEvents.chargeSucceeded(newEvent(), customer)).post("/in/shop/charge").then()
                .statusCode(202).extract().jsonPath().getLong("jobId");
        awaitJob(original, "COMPLETED");

        Response replay = api.admin().post("/api/v1/jobs/" + original + "/replay");
        replay.then().statusCode(201).body("replayOf", equalTo((int) original)).body("source", equalTo("REPLAY"))
                .body("dedupeKey", nullValue()).body("orderingKey", equalTo(customer));
        Map<String, Object> replayed = awaitJob(replay.jsonPath().getLong("id"), "COMPLETED");
        assertThat(replayed).containsEntry("recordsProcessed", 1);
        assertThat(accounts(customer)).as("an upsert replayed changes the same Account").isOne();

        api.admin().post("/api/v1/jobs/" + original + "/discard").then().statusCode(409)
                .body("error.fields[0].field", equalTo("status"));
        api.admin().post("/api/v1/jobs/replay").then().statusCode(400)
                .body("error.fields[0].field", equalTo("integration"));
        api.admin().queryParam("integration", "shop").queryParam("payload", "sync-charge").queryParam("status", "FAILED")
                .post("/api/v1/jobs/replay").then().statusCode(200)
                .body("replayed", org.hamcrest.Matchers.greaterThanOrEqualTo(0)).body("truncated", equalTo(false));
    }
}
