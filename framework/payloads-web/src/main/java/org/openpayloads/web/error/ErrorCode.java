package org.openpayloads.web.error;

import java.util.Arrays;

/** The machine-readable codes of the error body, each with its HTTP status. */
public enum ErrorCode {
    MALFORMED_JSON(400),
    BAD_REQUEST(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    VALIDATION_FAILED(422),
    /** A job run in sync mode failed: its records could not be mapped or were refused. */
    MAPPING_FAILED(422),
    INTERNAL_ERROR(500),
    SERVICE_UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /**
     * The code for a status set by Jersey or another layer, such as 405 for a method no resource has.
     * A 4xx without a code of its own is a BAD_REQUEST; a 5xx without one is an INTERNAL_ERROR.
     */
    public static ErrorCode forStatus(int status) {
        return Arrays.stream(values())
                .filter(code -> code.status == status && code != MALFORMED_JSON)
                .findFirst()
                .orElse(status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL_ERROR);
    }
}
