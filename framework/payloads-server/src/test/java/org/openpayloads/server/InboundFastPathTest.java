package org.openpayloads.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The inbound fast path answers exactly as Jersey does. Each case is sent twice: as is, which the fast path
 * takes, and with a query parameter Jersey ignores, which sends it through Jersey; the two answers must have
 * the same status and the same body, but for the job's own id and number.
 */
@Tag("database")
class InboundFastPathTest {

    private static final String SECRET = "whsec_fast_path_test_0123456789";
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
    void aNewEventIsAcceptedAndARedeliveryIsADuplicateEitherWay() {
        Answers accepted = both(route -> post(route, "/in/stripe/charge", event(route + "_new"), signed(), JSON));
        assertThat(accepted.fast().statusCode()).isEqualTo(202);
        assertThat(accepted.fast().jsonPath().getString("status")).isEqualTo("QUEUED");
        accepted.sameIgnoring("jobId", "jobNumber");

        byte[] delivered = event("delivered");
        long job = post("fast", "/in/stripe/charge", delivered, signed(), JSON).then().statusCode(202).extract()
                .jsonPath().getLong("jobId");
        // A redelivery answers with the first job's status as it is now: let it settle before both are sent.
        awaitFinished(job);
        Answers again = both(route -> post(route, "/in/stripe/charge", delivered, signed(), JSON));
        assertThat(again.fast().statusCode()).isEqualTo(200);
        assertThat(again.fast().jsonPath().getBoolean("duplicate")).isTrue();
        again.same();
    }

    @Test
    void refusalsAreTheSameErrors() {
        both(route -> post(route, "/in/stripe/charge", event(route + "_forged"), "whsec_someone_else_0123", JSON))
                .same(401);
        both(route -> post(route, "/in/stripe/nope", event(route + "_nope"), signed(), JSON)).same(404);
        both(route -> post(route, "/in/stripe/charge-poll", event(route + "_poll"), signed(), JSON)).same(404);
        both(route -> post(route, "/in/stripe/charge", event(route + "_text"), signed(), "text/plain")).same(415);
        both(route -> post(route, "/in/stripe/charge", "{not json".getBytes(StandardCharsets.UTF_8), signed(),
                JSON)).same(400);
        both(route -> post(route, "/in/stripe/charge", new byte[0], signed(), JSON)).same(400);
        both(route -> post(route, "/in/nobody/charge", event(route + "_nobody"), signed(), JSON)).same(404);
    }

    @Test
    void acceptHeadersThatTakeJsonAndThoseThatDoNot() {
        assertThat(InboundFastPath.acceptsJson(null)).isTrue();
        assertThat(InboundFastPath.acceptsJson("*/*; q=0.5, application/xml")).isTrue();
        assertThat(InboundFastPath.acceptsJson("application/json")).isTrue();
        assertThat(InboundFastPath.acceptsJson("application/*")).isTrue();
        assertThat(InboundFastPath.acceptsJson("image/png")).isFalse();
        assertThat(InboundFastPath.acceptsJson("application/json; q=0, text/plain")).isFalse();
        assertThat(InboundFastPath.acceptsJson("not a media type")).isFalse();
    }

    private static final String JSON = "application/json";

    private static void awaitFinished(long job) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String status = api.admin().get("/api/v1/jobs/" + job).then().statusCode(200).extract().jsonPath()
                    .getString("status");
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("job " + job + " did not finish within 30 s");
    }

    private static String signed() {
        return SECRET;
    }

    private static byte[] event(String id) {
        return StripeEvents.chargeSucceeded("evt_fast_" + id, "cus_fast_" + id);
    }

    /** {@code route} "fast" posts as is; "jersey" adds a query parameter that only Jersey takes. */
    private static Response post(String route, String path, byte[] body, String secret, String contentType) {
        return given().baseUri("http://localhost").port(api.server().port()).contentType(contentType)
                .header("Stripe-Signature", StripeEvents.signature(body, secret)).body(body)
                .post(path + (route.equals("jersey") ? "?via=jersey" : ""));
    }

    private static Answers both(Function<String, Response> send) {
        return new Answers(send.apply("fast"), send.apply("jersey"));
    }

    private record Answers(Response fast, Response jersey) {

        void same(int status) {
            assertThat(fast.statusCode()).as(fast.asString()).isEqualTo(status);
            same();
        }

        void same() {
            sameIgnoring();
        }

        void sameIgnoring(String... members) {
            assertThat(fast.statusCode()).as("status; fast %s, jersey %s", fast.asString(), jersey.asString())
                    .isEqualTo(jersey.statusCode());
            assertThat(fast.contentType()).isEqualTo(jersey.contentType());
            Map<String, Object> fastBody = fast.jsonPath().getMap("");
            Map<String, Object> jerseyBody = jersey.jsonPath().getMap("");
            for (String member : members) {
                assertThat(fastBody).containsKey(member);
                fastBody.remove(member);
                jerseyBody.remove(member);
            }
            assertThat(fastBody).isEqualTo(jerseyBody);
        }
    }
}
