package org.openpayloads.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.FieldError;

class ApiExceptionTest {

    @Test
    void unauthorizedCarriesTheBearerChallenge() {
        ApiException e = ApiException.unauthorized("no token");

        assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
        assertThat(e.headers()).containsEntry("WWW-Authenticate", "Bearer realm=\"openpayloads\"");
        assertThat(e.fields()).isEmpty();
    }

    @Test
    void badRequestCarriesItsFields() {
        ApiException e = ApiException.badRequest("bad", List.of(new FieldError("page", "is -1")));

        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.fields()).containsExactly(new FieldError("page", "is -1"));
        assertThat(e.headers()).isEmpty();
    }

    @Test
    void bodyRequiredAndPayloadTooLargeSayWhatWasExpected() {
        assertThat(ApiException.bodyRequired()).hasMessageContaining("a JSON body is required");
        assertThat(ApiException.payloadTooLarge(10)).hasMessage("The request body is over the limit of 10 bytes")
                .extracting(ApiException::code).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void hasNoStackTraceBecauseItIsAnAnswerNotAFault() {
        assertThat(ApiException.badRequest("x").getStackTrace()).isEmpty();
    }
}
