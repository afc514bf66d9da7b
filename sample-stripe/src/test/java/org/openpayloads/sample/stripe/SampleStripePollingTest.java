package org.openpayloads.sample.stripe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.engine.poll.PollSettings;
import org.openpayloads.server.PayloadsServer;
import org.openpayloads.server.PipelineSettings;
import org.openpayloads.server.SalesforceSettings;
import org.openpayloads.server.SampleSettings;
import org.openpayloads.server.ServerSettings;
import org.openpayloads.testkit.TestDatabase;

/**
 * The sample integration against the Stripe simulator, as the README's demo runs it with STRIPE_API_BASE and
 * STRIPE_API_KEY set: the webhook reads each charge's customer from Stripe, and the polling payload
 * {@code charge-poll} turns new charges into jobs from a watermark that survives a deactivation, an edit and a
 * restart, with no gap and no repeat.
 */
class SampleStripePollingTest {


    private static final String ADMIN_TOKEN = "polling-test-admin-token-0123";
    private static final String SECRET = "whsec_polling_test_0123456789";
    static final String POLL = "/api/v1/integrations/stripe/payloads/charge-poll";

    private final Clock clock = Clock.systemUTC();
    final StripeSimulator simulator = StripeSimulator.start(0, StripeSimulator.demoData(3, 6, clock), clock);
    private final TestDatabase database = TestDatabase.create(kind());
    PayloadsServer server;

    /** The database the server runs on; a subclass runs the same tests on PostgreSQL. */
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.HSQLDB;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        database.close();
        simulator.close();
    }

    @Test
    void theWebhookReadsEachChargesCustomerFromStripeAndFallsBackToTheBillingDetails() {
        server = start();
        ChargeEvents events = new ChargeEvents();
        // Customer 2's charge, paid with customer 5's card details: the Account is customer 2's, as Stripe has it.
        byte[] known = events.chargeSucceeded("evt_poll_known", "ch_poll_known", ChargeEvents.customer(2),
                ChargeEvents.customer(5), 1500, "usd", Instant.now());
        sync(known).then().statusCode(200).body("status", equalTo("COMPLETED"));
        assertThat(single("SELECT Name, Phone, BillingCity FROM Account WHERE Stripe_Customer_Id__c = "
                + "'cus_demo000002'")).containsEntry("Name", ChargeEvents.customer(2).name())
                .containsEntry("Phone", ChargeEvents.customer(2).phone())
                .containsEntry("BillingCity", ChargeEvents.customer(2).city());

        // A customer Stripe does not have (404): the expansion is optional, so the billing details fill in.
        ChargeEvents.Customer missing = new ChargeEvents.Customer("cus_not_in_stripe", "Mia Missing",
                "mia@example.com", "+1 415 555 0000", "9 Gone Road", "Oakland", "CA", "94601", "US");
        byte[] unknown = events.chargeSucceeded("evt_poll_missing", "ch_poll_missing", missing, missing, 900, "usd",
                Instant.now());
        sync(unknown).then().statusCode(200).body("status", equalTo("COMPLETED"));
        assertThat(single("SELECT Name FROM Account WHERE Stripe_Customer_Id__c = 'cus_not_in_stripe'"))
                .containsEntry("Name", "Mia Missing");
    }

    @Test
    void pollingResumesAfterADeactivationAnEditAndARestartWithNoGapAndNoRepeat() {
        server = start();
        List<String> seeded = chargeIds();
        admin().body(Map.of("active", true, "polling", Map.of("intervalSeconds", 1))).contentType(
                "application/merge-patch+json").patch(POLL).then().statusCode(200);
        JsonPath first = awaitStatus("the first poll", s -> s.getString("lastPolledAt") != null);
        assertThat(first.getString("watermarkLastId")).as("starts from the newest charge, taking none")
                .isEqualTo(seeded.get(seeded.size() - 1));
        assertThat(first.getLong("itemsTaken")).isZero();

        List<String> made = new ArrayList<>();
        for (int n : new int[] {1, 2, 3, 1, 2}) {
            made.add(simulator.addCharge(n, 1000L + n, "usd").path("id").asText());
        }
        awaitStatus("the five new charges", s -> s.getLong("itemsTaken") == 5);

        admin().body(Map.of("active", false)).contentType("application/merge-patch+json").patch(POLL).then()
                .statusCode(200);
        for (int n : new int[] {3, 3, 1}) {
            made.add(simulator.addCharge(n, 2000L + n, "usd").path("id").asText());
        }
        admin().body(Map.of("active", true, "polling", Map.of("intervalSeconds", 2)))
                .contentType("application/merge-patch+json").patch(POLL).then().statusCode(200);
        awaitStatus("the charges made while inactive", s -> s.getLong("itemsTaken") == 8);

        server.close();
        server = null;
        for (int n : new int[] {2, 1, 3, 2}) {
            made.add(simulator.addCharge(n, 3000L + n, "usd").path("id").asText());
        }
        server = start();
        JsonPath resumed = awaitStatus("the charges made while stopped", s -> s.getLong("itemsTaken") == 12);

        assertThat(resumed.getString("watermarkLastId")).isEqualTo(made.get(made.size() - 1));
        assertThat(resumed.getString("lastError")).isNull();
        awaitJobs(12);
        List<Map<String, Object>> jobs = pollJobs();
        assertThat(jobs).extracting(job -> job.get("dedupeKey")).as("each new charge once, no seeded one")
                .containsExactlyInAnyOrderElementsOf(made);
        assertThat(jobs).extracting(job -> job.get("source")).containsOnly("POLLING");
        assertThat(jobs).extracting(job -> job.get("status")).containsOnly("COMPLETED");
        for (int n = 1; n <= 3; n++) {
            ChargeEvents.Customer customer = ChargeEvents.customer(n);
            assertThat(single("SELECT Name, Description FROM Account WHERE Stripe_Customer_Id__c = '"
                    + customer.id() + "'")).containsEntry("Name", customer.name());
        }
        assertThat(count("SELECT Id FROM Stripe_Charge__c WHERE Stripe_Charge_Id__c LIKE 'ch_sim_%'"))
                .isEqualTo(12);
    }

    @Test
    void aBackfillTakesTheOlderChargesAndAResetTakesNothingTwice() {
        server = start();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();
        admin().body(Map.of("active", true, "polling", Map.of("intervalSeconds", 1, "backfillFrom", yesterday)))
                .contentType("application/merge-patch+json").patch(POLL).then().statusCode(200)
                .body("polling.backfillFrom", equalTo(yesterday + "T00:00:00Z"));
        awaitStatus("the backfill", s -> s.getLong("itemsTaken") == 6 && s.getBoolean("caughtUp"));
        awaitJobs(6);

        admin().post(POLL + "/polling/reset").then().statusCode(200).body("watermarkLastId", equalTo(null));
        JsonPath again = awaitStatus("the backfill after the reset", s -> s.getString("watermarkLastId") != null);

        assertThat(again.getLong("itemsTaken")).as("the charges found again are duplicates of their jobs").isZero();
        assertThat(pollJobs()).hasSize(6);
        assertThat(count("SELECT Id FROM Account WHERE Stripe_Customer_Id__c LIKE 'cus_demo%'")).isEqualTo(3);
    }

    @Test
    void aPollThatFailsKeepsItsWatermarkSaysWhyAndLosesNothing() {
        server = start();
        admin().body(Map.of("active", true, "polling", Map.of("intervalSeconds", 1))).contentType(
                "application/merge-patch+json").patch(POLL).then().statusCode(200);
        String watermark = awaitStatus("the first poll", s -> s.getString("lastPolledAt") != null)
                .getString("watermarkLastId");

        setApiBase("http://localhost:" + closedPort());
        JsonPath failed = awaitStatus("the failed poll", s -> s.getString("lastError") != null);
        assertThat(failed.getString("watermarkLastId")).isEqualTo(watermark);
        List<String> made = List.of(simulator.addCharge(1, 700, "usd").path("id").asText(),
                simulator.addCharge(2, 800, "jpy").path("id").asText());

        setApiBase("http://localhost:" + simulator.port());
        JsonPath recovered = awaitStatus("the charges made while Stripe was unreachable",
                s -> s.getLong("itemsTaken") == 2);
        assertThat(recovered.getString("lastError")).isNull();
        awaitJobs(2);
        assertThat(pollJobs()).extracting(job -> job.get("dedupeKey")).containsExactlyInAnyOrderElementsOf(made);
        assertThat(single("SELECT Amount__c, Currency__c FROM Stripe_Charge__c WHERE Stripe_Charge_Id__c = '"
                + made.get(1) + "'")).containsEntry("Amount__c", 800.0f).containsEntry("Currency__c", "JPY");
    }

    private void setApiBase(String url) {
        admin().body(Map.of("attributes", Map.of("apiBase", url))).contentType("application/merge-patch+json")
                .patch("/api/v1/integrations/stripe/credentials/stripe").then().statusCode(200);
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    PayloadsServer start() {
        return start(Map.of());
    }

    PayloadsServer start(Map<String, String> extra) {
        Map<String, String> variables = new java.util.HashMap<>(Map.of("STRIPE_WEBHOOK_SECRET", SECRET,
                "STRIPE_API_BASE", "http://localhost:" + simulator.port(), "STRIPE_API_KEY",
                "sk_test_polling_0123456789"));
        variables.putAll(extra);
        PipelineSettings defaults = PipelineSettings.DEFAULTS;
        PipelineSettings pipeline = new PipelineSettings(defaults.inbound(), defaults.workers(),
                Duration.ofMillis(200), new PollSettings(Duration.ofMillis(100), Duration.ofSeconds(2), 100, 20));
        return PayloadsServer.start(new ServerSettings("127.0.0.1", 0, database.dataDirectory(), database.jdbcUrl(),
                database.user(), database.password(), 8, null, ADMIN_TOKEN, Duration.ofSeconds(2),
                SalesforceSettings.EMBEDDED).withPipeline(pipeline).withSamples(new SampleSettings(List.of("stripe"),
                variables)), Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }

    RequestSpecification admin() {
        return given().baseUri("http://localhost").port(server.port()).contentType(ContentType.JSON)
                .accept(ContentType.JSON).header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    private io.restassured.response.Response sync(byte[] event) {
        return given().baseUri("http://localhost").port(server.port()).contentType("application/json")
                .header("Stripe-Signature", WebhookSigner.header(event, SECRET, Instant.now().getEpochSecond()))
                .queryParam("mode", "sync").body(event).post("/in/stripe/charge");
    }

    JsonPath awaitStatus(String what, Predicate<JsonPath> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath status;
        do {
            status = admin().get(POLL + "/polling").then().statusCode(200).extract().jsonPath();
            if (done.test(status)) {
                return status;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Waited 30 s for " + what + "; the polling status is " + status.prettify());
    }

    List<Map<String, Object>> pollJobs() {
        return admin().queryParam("integration", "stripe").queryParam("payload", "charge-poll")
                .queryParam("size", 100).get("/api/v1/jobs").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    void awaitJobs(int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (pollJobs().stream().filter(job -> "COMPLETED".equals(job.get("status"))).count() < expected
                && System.nanoTime() < deadline) {
            sleep();
        }
        assertThat(pollJobs()).hasSize(expected);
    }

    private List<String> chargeIds() {
        List<String> ids = new ArrayList<>();
        JsonNode list = given().baseUri("http://localhost").port(simulator.port())
                .header("Authorization", "Bearer sk_test_polling_0123456789").queryParam("limit", 100)
                .get("/v1/charges").then().statusCode(200).extract().as(JsonNode.class);
        list.path("data").forEach(charge -> ids.add(0, charge.path("id").asText()));
        return ids;
    }

    private long count(String soql) {
        return server.defaultOrgClient().query(soql).totalSize();
    }

    private Map<String, Object> single(String soql) {
        List<Map<String, Object>> records = admin().queryParam("q", soql).get("/services/data/v62.0/query").then()
                .statusCode(200).extract().jsonPath().getList("records");
        assertThat(records).as(soql).hasSize(1);
        return records.get(0);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
