package org.openpayloads.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void mapsEveryStatusWithACodeToIt() {
        assertThat(ErrorCode.forStatus(400)).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(ErrorCode.forStatus(401)).isEqualTo(ErrorCode.UNAUTHORIZED);
        assertThat(ErrorCode.forStatus(404)).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(ErrorCode.forStatus(405)).isEqualTo(ErrorCode.METHOD_NOT_ALLOWED);
        assertThat(ErrorCode.forStatus(406)).isEqualTo(ErrorCode.NOT_ACCEPTABLE);
        assertThat(ErrorCode.forStatus(409)).isEqualTo(ErrorCode.CONFLICT);
        assertThat(ErrorCode.forStatus(413)).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(ErrorCode.forStatus(415)).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(ErrorCode.forStatus(422)).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(ErrorCode.forStatus(500)).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(ErrorCode.forStatus(503)).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void otherStatusesFallBackByFamily() {
        assertThat(ErrorCode.forStatus(410)).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(ErrorCode.forStatus(429)).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(ErrorCode.forStatus(502)).isEqualTo(ErrorCode.INTERNAL_ERROR);
    }

    @Test
    void malformedJsonIsOnlyChosenOnPurpose() {
        assertThat(ErrorCode.MALFORMED_JSON.status()).isEqualTo(400);
        assertThat(ErrorCode.forStatus(400)).isNotEqualTo(ErrorCode.MALFORMED_JSON);
    }
}
