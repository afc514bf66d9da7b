package org.openpayloads.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.connector.HttpResult;

/**
 * What Stripe said about a failed call: the HTTP status and the fields of its error envelope
 * {@code {"error": {"type", "code", "decline_code", "message", "param", "doc_url"}}}. An answer without
 * that envelope (a proxy's HTML page, say) keeps only the status and the start of the body.
 *
 * @param type for example {@code invalid_request_error}, {@code card_error}, {@code api_error}
 * @param code for example {@code resource_missing}; Stripe leaves it out of some errors
 * @param declineCode a card issuer's reason, on some {@code card_declined} errors
 * @param param the request parameter at fault, for example {@code id}
 * @param message Stripe's own words, with any secret of this connection replaced by {@code [hidden]}
 * @param requestId the {@code Request-Id} answer header, for Stripe's support
 */
public record StripeError(int status, @Nullable String type, @Nullable String code, @Nullable String declineCode,
                          @Nullable String param, String message, @Nullable String docUrl,
                          @Nullable String requestId) implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_RAW_TEXT = 300;

    /** Reads a failed answer; every text from the peer goes through {@code redact}. */
    static StripeError of(HttpResult result, UnaryOperator<String> redact) {
        String requestId = result.header("Request-Id").orElse(null);
        JsonNode error = Json.tree(result.body()).path("error");
        if (error.isObject()) {
            String message = text(error, "message", redact);
            return new StripeError(result.status(), text(error, "type", redact), text(error, "code", redact),
                    text(error, "decline_code", redact), text(error, "param", redact),
                    message == null ? "(no message)" : message, text(error, "doc_url", redact), requestId);
        }
        String body = result.bodyText().strip();
        String shown = body.isEmpty() ? "(no body)"
                : body.length() > MAX_RAW_TEXT ? body.substring(0, MAX_RAW_TEXT) + "…" : body;
        return new StripeError(result.status(), null, null, null, null, redact.apply(shown), null, requestId);
    }

    /**
     * For example: {@code Stripe answered 400 invalid_request_error (resource_missing) on GET
     * /v1/customers/cus_x: No such customer: 'cus_x' (param: id)}.
     */
    String describe(String method, String path) {
        StringBuilder text = new StringBuilder("Stripe answered ").append(status);
        if (type != null) {
            text.append(' ').append(type);
        }
        if (code != null) {
            text.append(" (").append(code);
            if (declineCode != null) {
                text.append(", decline code ").append(declineCode);
            }
            text.append(')');
        }
        text.append(" on ").append(method).append(' ').append(path).append(": ").append(message);
        if (param != null) {
            text.append(" (param: ").append(param).append(')');
        }
        return text.toString();
    }

    private static @Nullable String text(JsonNode node, String field, UnaryOperator<String> redact) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : redact.apply(value.asText());
    }
}
