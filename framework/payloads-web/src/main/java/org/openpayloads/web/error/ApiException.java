package org.openpayloads.web.error;

import java.util.List;
import java.util.Map;
import org.openpayloads.api.FieldError;

/**
 * A request the web layer rejects before any service sees it: a missing body, a bad query parameter, a
 * missing token, a body that is too large. The {@link ErrorMapper} answers it with its code's status.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The challenge a 401 carries, RFC 6750. */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"openpayloads\"";

    /** The message for a request that needs a body and has none. */
    public static final String BODY_REQUIRED = "The request has no body; a JSON body is required";

    private final ErrorCode code;
    private final transient List<FieldError> fields;
    private final transient Map<String, String> headers;

    private ApiException(ErrorCode code, String message, List<FieldError> fields, Map<String, String> headers) {
        super(message, null, false, false);
        this.code = code;
        this.fields = List.copyOf(fields);
        this.headers = Map.copyOf(headers);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(ErrorCode.BAD_REQUEST, message, List.of(), Map.of());
    }

    public static ApiException badRequest(String message, List<FieldError> fields) {
        return new ApiException(ErrorCode.BAD_REQUEST, message, fields, Map.of());
    }

    /** A request method that needs a body got none, or got {@code null}. */
    public static ApiException bodyRequired() {
        return badRequest(BODY_REQUIRED);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(ErrorCode.UNAUTHORIZED, message, List.of(), Map.of("WWW-Authenticate", BEARER_CHALLENGE));
    }

    public static ApiException payloadTooLarge(long limit) {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is over the limit of " + limit
                + " bytes", List.of(), Map.of());
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> fields() {
        return fields;
    }

    /** Headers the response must carry, such as {@code WWW-Authenticate} on a 401. */
    public Map<String, String> headers() {
        return headers;
    }
}
