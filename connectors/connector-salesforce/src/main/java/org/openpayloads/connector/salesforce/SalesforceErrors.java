package org.openpayloads.connector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.connector.HttpResult;
import org.openpayloads.api.records.RecordError;

/** Reads Salesforce's error bodies, in each of the shapes it sends. */
final class SalesforceErrors {

    static final String UNABLE_TO_LOCK_ROW = "UNABLE_TO_LOCK_ROW";
    static final String REQUEST_LIMIT_EXCEEDED = "REQUEST_LIMIT_EXCEEDED";

    private static final int MAX_RAW_TEXT = 300;

    private SalesforceErrors() {
    }

    /**
     * The errors of a failed answer: the REST array {@code [{message, errorCode, fields}]}, a single such
     * object, or OAuth's {@code {error, error_description}}. Anything else becomes one error named after
     * the status, quoting the start of the body. Every message goes through {@code redact}.
     */
    static List<RecordError> of(HttpResult result, UnaryOperator<String> redact) {
        JsonNode body = Json.tree(result.body());
        List<RecordError> errors = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(item -> one(item, redact, errors));
        } else if (body.isObject()) {
            one(body, redact, errors);
        }
        if (errors.isEmpty()) {
            String text = result.bodyText().strip();
            String shown = text.length() > MAX_RAW_TEXT ? text.substring(0, MAX_RAW_TEXT) + "…" : text;
            errors.add(new RecordError("HTTP_" + result.status(), redact.apply(shown.isEmpty()
                    ? "Salesforce answered " + result.status() + " with no body" : shown)));
        }
        return errors;
    }

    /** The errors of one record in a Collections answer, which calls the code {@code statusCode}. */
    static List<RecordError> ofRecord(JsonNode record, UnaryOperator<String> redact) {
        List<RecordError> errors = new ArrayList<>();
        record.path("errors").forEach(item -> one(item, redact, errors));
        if (errors.isEmpty()) {
            errors.add(new RecordError("UNKNOWN", "Salesforce reported a failure without an error"));
        }
        return errors;
    }

    /** The errors of a body that is an array of errors, as a composite sub-response carries them. */
    static List<RecordError> ofArray(JsonNode array, UnaryOperator<String> redact) {
        List<RecordError> errors = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(item -> one(item, redact, errors));
        }
        return errors;
    }

    static boolean has(List<RecordError> errors, String code) {
        return errors.stream().anyMatch(e -> e.code().equals(code));
    }

    /** {@code CODE: message; CODE: message}, for exception messages. */
    static String summary(List<RecordError> errors) {
        return errors.stream().map(e -> e.code() + ": " + e.message()).collect(Collectors.joining("; "));
    }

    private static void one(JsonNode item, UnaryOperator<String> redact, List<RecordError> into) {
        String code = firstText(item, "errorCode", "statusCode", "error");
        if (code == null || code.isBlank()) {
            return;
        }
        String message = firstText(item, "message", "error_description");
        List<String> fields = new ArrayList<>();
        item.path("fields").forEach(f -> fields.add(f.asText()));
        into.add(new RecordError(code, redact.apply(message == null ? "" : message), fields));
    }

    private static @Nullable String firstText(JsonNode node, String... names) {
        for (String name : names) {
            String text = Json.text(node, name);
            if (text != null) {
                return text;
            }
        }
        return null;
    }
}
