package org.openpayloads.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.connector.HttpResult;

class StripeErrorTest {

    private static final UnaryOperator<String> NONE = UnaryOperator.identity();

    @Test
    void readsEveryFieldOfTheEnvelope() {
        StripeError error = StripeError.of(answer(400, StripeStub.fixture("error-invalid_request.json"),
                "req_8cQnqSfZ4bSjnT"), NONE);

        assertThat(error).isEqualTo(new StripeError(400, "invalid_request_error", "parameter_unknown", null, "foo",
                "Received unknown parameter: foo", "https://stripe.com/docs/error-codes/parameter-unknown",
                "req_8cQnqSfZ4bSjnT"));
        assertThat(error.describe("POST", "/v1/customers")).isEqualTo("Stripe answered 400 invalid_request_error "
                + "(parameter_unknown) on POST /v1/customers: Received unknown parameter: foo (param: foo)");
    }

    @Test
    void describesACardDeclineWithItsDeclineCode() {
        StripeError error = StripeError.of(answer(402, StripeStub.fixture("more/errors/card_declined-call_issuer.json"),
                null), NONE);

        assertThat(error.describe("POST", "/v1/payment_intents/pi_1/confirm")).isEqualTo("Stripe answered 402 "
                + "card_error (card_declined, decline code call_issuer) on POST /v1/payment_intents/pi_1/confirm: "
                + "Your card was declined.");
        assertThat(error.requestId()).isNull();
    }

    @Test
    void leavesOutWhatStripeLeftOut() {
        StripeError noCode = StripeError.of(answer(401, StripeStub.fixture("more/errors/invalid_api_key.json"), null),
                NONE);
        assertThat(noCode.describe("GET", "/v1/balance")).isEqualTo("Stripe answered 401 invalid_request_error on "
                + "GET /v1/balance: Invalid API Key provided: an_unknown_***_key");

        StripeError apiError = StripeError.of(answer(500, StripeStub.fixture("more/errors/api_error.json"), null), NONE);
        assertThat(apiError.type()).isEqualTo("api_error");
        assertThat(apiError.code()).isNull();
        assertThat(apiError.param()).isNull();
    }

    @Test
    void anAnswerWithoutTheEnvelopeKeepsTheStatusAndTheStartOfTheBody() {
        assertThat(StripeError.of(answer(502, "<html>Bad Gateway</html>", null), NONE).describe("GET", "/v1/charges"))
                .isEqualTo("Stripe answered 502 on GET /v1/charges: <html>Bad Gateway</html>");
        assertThat(StripeError.of(answer(503, "", null), NONE).message()).isEqualTo("(no body)");
        assertThat(StripeError.of(answer(500, "x".repeat(1000), null), NONE).message()).hasSize(301).endsWith("x…");
        assertThat(StripeError.of(answer(400, "{\"error\": \"a string, not an object\"}", null), NONE).type()).isNull();
    }

    @Test
    void everyTextFromThePeerIsRedacted() {
        UnaryOperator<String> redact = text -> text.replace("sk_test_secret", "[hidden]");

        assertThat(StripeError.of(answer(401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Bad key "
                + "sk_test_secret\"}}", null), redact).message()).isEqualTo("Bad key [hidden]");
        assertThat(StripeError.of(answer(502, "proxy saw Bearer sk_test_secret", null), redact).message())
                .isEqualTo("proxy saw Bearer [hidden]");
    }

    private static HttpResult answer(int status, String body, String requestId) {
        return new HttpResult(status, requestId == null ? Map.of() : Map.of("request-id", requestId),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
