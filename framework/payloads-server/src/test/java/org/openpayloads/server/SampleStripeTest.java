package org.openpayloads.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.testkit.TestDatabase;

/**
 * The sample Stripe integration as {@code ./payloads run} loads it: its bundle imported into a fresh database
 * with its org fields, and Stripe's signed {@code charge.succeeded} webhooks turned into Accounts, Contacts
 * and charges, through configuration alone.
 */
@Tag("database")
class SampleStripeTest {

    private static final String SECRET = "whsec_sample_test_0123456789abcdef";
    private static TestServer api;

    @BeforeAll
    static void start() {
        api = TestServer.start(new SampleSettings(List.of("stripe"), Map.of("STRIPE_WEBHOOK_SECRET", SECRET)));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theSampleArrivesWithItsPayloadCredentialAndOrgFields() {
        api.admin().get("/api/v1/integrations/stripe/payloads/charge").then().statusCode(200)
                .body("active", equalTo(true)).body("auth.type", equalTo("STRIPE_SIGNATURE"))
                .body("dedupeKey", equalTo("$.id")).body("orderingKey", equalTo("$.data.object.customer"));
        api.admin().get("/api/v1/integrations/stripe/credentials/stripe").then().statusCode(200)
                .body("secrets.webhookSecrets", equalTo("********cdef"));
        for (String field : List.of("Account/fields/Stripe_Customer_Id__c", "Contact/fields/Stripe_Customer_Id__c",
                "Stripe_Charge__c/fields/Account__c")) {
            api.admin().get("/api/v1/org/objects/" + field).then().statusCode(200);
        }
        api.admin().post("/api/v1/integrations/stripe/validate").then().statusCode(200)
                .body("valid", equalTo(true));
    }

    @Test
    void aSignedChargeMakesTheAccountTheContactUnderItAndTheCharge() {
        byte[] event = StripeEvents.chargeSucceeded("evt_sample_1", "cus_sample_1", "Jenny Rosen", 1999, "usd");

        sync(event).then().statusCode(200).body("status", equalTo("COMPLETED"));

        Map<String, Object> account = single("SELECT Id, Name, Description FROM Account "
                + "WHERE Stripe_Customer_Id__c = 'cus_sample_1'");
        assertThat(account).containsEntry("Name", "Jenny Rosen")
                .containsEntry("Description", "Stripe customer cus_sample_1");
        assertThat(single("SELECT FirstName, LastName, Email, AccountId FROM Contact "
                + "WHERE Stripe_Customer_Id__c = 'cus_sample_1'")).containsEntry("FirstName", "Jenny")
                .containsEntry("LastName", "Rosen").containsEntry("Email", "cus_sample_1@example.com")
                .containsEntry("AccountId", account.get("Id"));
        assertThat(single("SELECT Amount__c, Currency__c, Account__c FROM Stripe_Charge__c "
                + "WHERE Stripe_Charge_Id__c = 'ch_evt_sample_1'")).containsEntry("Amount__c", 19.99f)
                .containsEntry("Currency__c", "USD").containsEntry("Account__c", account.get("Id"));
    }

    @Test
    void aZeroDecimalCurrencyKeepsItsAmount() {
        sync(StripeEvents.chargeSucceeded("evt_sample_jpy", "cus_sample_jpy", "Sato", 1000, "jpy")).then()
                .statusCode(200);

        assertThat(single("SELECT Amount__c, Currency__c FROM Stripe_Charge__c "
                + "WHERE Stripe_Charge_Id__c = 'ch_evt_sample_jpy'")).containsEntry("Amount__c", 1000.0f)
                .containsEntry("Currency__c", "JPY");
        assertThat(single("SELECT FirstName, LastName FROM Contact WHERE Stripe_Customer_Id__c = 'cus_sample_jpy'"))
                .containsEntry("FirstName", null).containsEntry("LastName", "Sato");
    }

    @Test
    void twentyConcurrentChargesOfOneNewCustomerMakeOneAccountAndOneContact() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                byte[] event = StripeEvents.chargeSucceeded("evt_sample_burst_" + i, "cus_sample_burst",
                        "Burst Customer", 100 + i, "usd");
                answers.add(senders.submit(() -> sync(event).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(query("SELECT Id FROM Account WHERE Stripe_Customer_Id__c = 'cus_sample_burst'")).hasSize(1);
        assertThat(query("SELECT Id FROM Contact WHERE Stripe_Customer_Id__c = 'cus_sample_burst'")).hasSize(1);
        assertThat(query("SELECT Id FROM Stripe_Charge__c WHERE Account__r.Stripe_Customer_Id__c = "
                + "'cus_sample_burst'")).hasSize(20);
    }

    @Test
    void aRedeliveryIsADuplicateAndAGuestChargeWritesNothing() {
        byte[] event = StripeEvents.chargeSucceeded("evt_sample_again", "cus_sample_again", "Ann Again", 500, "usd");
        long first = sync(event).then().statusCode(200).extract().jsonPath().getLong("jobId");

        sync(event).then().statusCode(200).body("duplicate", equalTo(true)).body("jobId", equalTo((int) first));
        JsonPath guest = sync(StripeEvents.chargeSucceeded("evt_sample_guest", null, "Guest Buyer", 700, "usd"))
                .then().statusCode(200).body("status", equalTo("COMPLETED")).extract().jsonPath();

        assertThat(guest.getList("results.operation")).containsOnly("SKIP").hasSize(6);
        assertThat(query("SELECT Id FROM Account WHERE Stripe_Customer_Id__c = 'cus_sample_again'")).hasSize(1);
        assertThat(query("SELECT Id FROM Contact WHERE Email = 'evt_sample_guest@example.com'")).isEmpty();
    }

    @Test
    void aGuestChargeMakesAnAccountFromItsBillingDetailsWhenTheRuleSaysCreate() {
        try (TestServer creating = TestServer.start(new SampleSettings(List.of("stripe"), Map.of(
                "STRIPE_WEBHOOK_SECRET", SECRET, "STRIPE_GUEST_CHARGES", "create")))) {
            byte[] event = StripeEvents.chargeSucceeded("evt_guest_create", null, "Gail Guest", 700, "usd");
            JsonPath job = given().baseUri("http://localhost").port(creating.server().port())
                    .contentType("application/json").header("Stripe-Signature", StripeEvents.signature(event, SECRET))
                    .queryParam("mode", "sync").body(event).post("/in/stripe/charge").then().statusCode(200)
                    .extract().jsonPath();

            assertThat(job.getList("results.operation")).containsExactly("SKIP", "SKIP", "SKIP", "UPSERT", "UPSERT",
                    "UPSERT");
            assertThat(job.getList("results.created")).containsExactly(null, null, null, true, true, true);
            List<Map<String, Object>> accounts = creating.admin().queryParam("q", "SELECT Id, Name, Description FROM "
                    + "Account WHERE Stripe_Customer_Id__c = 'guest:evt_guest_create@example.com'")
                    .get("/services/data/v62.0/query").then().statusCode(200).extract().jsonPath().getList("records");
            assertThat(accounts).singleElement().satisfies(account -> assertThat(account)
                    .containsEntry("Name", "Gail Guest")
                    .containsEntry("Description", "Stripe guest, from the billing details of charge ch_evt_guest_create"));
            creating.admin().queryParam("q", "SELECT FirstName, LastName, Email FROM Contact WHERE "
                    + "Stripe_Customer_Id__c = 'guest:evt_guest_create@example.com'").get("/services/data/v62.0/query")
                    .then().statusCode(200).body("records[0].LastName", equalTo("Guest"))
                    .body("records[0].Email", equalTo("evt_guest_create@example.com"));
            creating.admin().queryParam("q", "SELECT Account__r.Name FROM Stripe_Charge__c WHERE "
                    + "Stripe_Charge_Id__c = 'ch_evt_guest_create'").get("/services/data/v62.0/query").then()
                    .statusCode(200).body("totalSize", equalTo(1));
        }
    }

    @Test
    void anEventWithItsCustomerExpandedUsesTheCustomerWithoutCallingStripe() {
        ObjectNode event = StripeEvents.tree(StripeEvents.chargeSucceeded("evt_expanded", "cus_expanded",
                "Billing Name", 900, "usd"));
        ObjectNode customer = ((ObjectNode) event.at("/data/object")).putObject("customer");
        customer.put("id", "cus_expanded").put("object", "customer").put("name", "Customer Name")
                .put("email", "customer@example.com").put("description", "A customer of the demo shop");
        customer.putObject("address").put("line1", "1 Customer Street").put("city", "Lyon").put("country", "FR");

        sync(StripeEvents.bytes(event)).then().statusCode(200).body("status", equalTo("COMPLETED"));

        assertThat(single("SELECT Name, Description, BillingStreet, BillingCity FROM Account "
                + "WHERE Stripe_Customer_Id__c = 'cus_expanded'")).containsEntry("Name", "Customer Name")
                .containsEntry("Description", "A customer of the demo shop")
                .containsEntry("BillingStreet", "1 Customer Street").containsEntry("BillingCity", "Lyon");
        assertThat(single("SELECT Email, FirstName FROM Contact WHERE Stripe_Customer_Id__c = 'cus_expanded'"))
                .containsEntry("Email", "customer@example.com").containsEntry("FirstName", "Customer");
    }

    @Test
    void eventsOfOneNewCustomerOutOfOrderMakeOneAccountAndEachCharge() {
        byte[] later = StripeEvents.chargeSucceeded("evt_order_2", "cus_order", "Olga Order", 2000, "usd");
        byte[] earlier = StripeEvents.chargeSucceeded("evt_order_1", "cus_order", "Olga Order", 1000, "usd");
        byte[] refund = StripeEvents.withType(StripeEvents.chargeSucceeded("evt_order_0", "cus_order", "Olga Order",
                1000, "usd"), "charge.refunded");

        sync(later).then().statusCode(200).body("status", equalTo("COMPLETED"));
        sync(refund).then().statusCode(200).body("status", equalTo("COMPLETED"));
        sync(earlier).then().statusCode(200).body("status", equalTo("COMPLETED"));

        assertThat(query("SELECT Id FROM Account WHERE Stripe_Customer_Id__c = 'cus_order'")).hasSize(1);
        assertThat(query("SELECT Stripe_Charge_Id__c, Amount__c FROM Stripe_Charge__c WHERE "
                + "Account__r.Stripe_Customer_Id__c = 'cus_order' ORDER BY Amount__c"))
                .extracting(r -> r.get("Stripe_Charge_Id__c")).containsExactly("ch_evt_order_1", "ch_evt_order_2");
    }

    @Test
    void aStaleSignatureIsRefusedAndRotatedSecretsAreBothTaken() {
        byte[] stale = StripeEvents.chargeSucceeded("evt_stale", "cus_stale");
        given().baseUri("http://localhost").port(api.server().port()).contentType("application/json")
                .header("Stripe-Signature", StripeEvents.signature(stale, SECRET,
                        System.currentTimeMillis() / 1000 - 301))
                .body(stale).post("/in/stripe/charge").then().statusCode(401)
                .body("error.message", org.hamcrest.Matchers.containsString("s old"));

        String rolled = "whsec_sample_rolled_fedcba9876543210";
        api.admin().body(Map.of("secrets", Map.of("webhookSecrets", rolled + "," + SECRET)))
                .contentType("application/merge-patch+json").patch("/api/v1/integrations/stripe/credentials/stripe")
                .then().statusCode(200);
        try {
            for (String secret : List.of(rolled, SECRET)) {
                byte[] event = StripeEvents.chargeSucceeded("evt_rolled_" + secret.length() + secret.charAt(15),
                        "cus_rolled");
                given().baseUri("http://localhost").port(api.server().port()).contentType("application/json")
                        .header("Stripe-Signature", StripeEvents.signature(event, secret)).body(event)
                        .post("/in/stripe/charge").then().statusCode(202);
            }
        } finally {
            api.admin().body(Map.of("secrets", Map.of("webhookSecrets", SECRET)))
                    .contentType("application/merge-patch+json")
                    .patch("/api/v1/integrations/stripe/credentials/stripe").then().statusCode(200);
        }
    }

    @Test
    void aLiveKeyIsRefusedOnASandboxServerWithoutQuotingIt() {
        String liveKey = "sk_live_" + "51NxLiveKeyThatMustNotBeQuoted0000";
        try (TestDatabase database = TestDatabase.create()) {
            ServerSettings settings = new ServerSettings("127.0.0.1", 0, database.dataDirectory(), database.jdbcUrl(),
                    database.user(), database.password(), 4, null, "live-key-test-admin-token-0123",
                    Duration.ofSeconds(2), SalesforceSettings.EMBEDDED).withSamples(new SampleSettings(
                    List.of("stripe"), Map.of("STRIPE_API_KEY", liveKey)));

            assertThatThrownBy(() -> PayloadsServer.start(settings, java.time.Clock.systemUTC(),
                    new java.io.PrintStream(java.io.OutputStream.nullOutputStream())))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                            .anySatisfy(error -> assertThat(error.field()).endsWith("secrets.secretKey")))
                    .hasMessageContaining("live").hasMessageNotContaining(liveKey)
                    .hasMessageNotContaining("51NxLiveKey");
        }
    }

    @Test
    void theSecretComesFromTheVariablesAndAnyOtherSignatureIsRefused() {
        byte[] event = StripeEvents.chargeSucceeded("evt_sample_forged", "cus_sample_forged", "Eve", 500, "usd");

        given().baseUri("http://localhost").port(api.server().port()).contentType("application/json")
                .header("Stripe-Signature", StripeEvents.signature(event, "whsec_openpayloads_demo_secret"))
                .body(event).post("/in/stripe/charge").then().statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void aClientAskingForH2cIsAnsweredOverHttp11() throws Exception {
        // The JDK's HttpClient asks for HTTP/2 by default: Upgrade: h2c on a request with a body.
        byte[] event = StripeEvents.chargeSucceeded("evt_sample_h2c", "cus_sample_h2c", "Hugh Two", 500, "usd");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + api.server().port()
                        + "/in/stripe/charge?mode=sync")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", StripeEvents.signature(event, SECRET))
                .POST(HttpRequest.BodyPublishers.ofByteArray(event)).build();

        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(query("SELECT Id FROM Account WHERE Stripe_Customer_Id__c = 'cus_sample_h2c'")).hasSize(1);
    }

    @Test
    void theSampleIsLoadedOnceSoADeletedOneStaysDeleted() {
        try (TestServer other = TestServer.start(new SampleSettings(List.of("stripe"), Map.of()))) {
            other.admin().delete("/api/v1/integrations/stripe").then().statusCode(204);

            other.restart();

            other.admin().get("/api/v1/integrations/stripe").then().statusCode(404);
        }
    }

    private static Response sync(byte[] event) {
        return given().baseUri("http://localhost").port(api.server().port()).contentType("application/json")
                .header("Stripe-Signature", StripeEvents.signature(event, SECRET)).queryParam("mode", "sync")
                .body(event).post("/in/stripe/charge");
    }

    private static List<Map<String, Object>> query(String soql) {
        return api.admin().queryParam("q", soql).get("/services/data/v62.0/query").then().statusCode(200)
                .extract().jsonPath().getList("records");
    }

    private static Map<String, Object> single(String soql) {
        List<Map<String, Object>> records = query(soql);
        assertThat(records).as(soql).hasSize(1);
        return records.get(0);
    }
}
