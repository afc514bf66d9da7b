package org.openpayloads.web.error;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.FieldError;

/**
 * Explains a Jackson failure to read a request body: where the JSON is malformed, which property is
 * unknown, which field has a value of the wrong type. Messages describe values by their JSON type only,
 * never by their text, because the text may be a secret.
 */
public final class JacksonErrors {

    private static final Pattern ACTUAL_SHAPE =
            Pattern.compile("(?:Cannot coerce|from) (String|Integer|Floating-point|Float|Boolean|Object|Array|Null)"
                    + " value");
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(start marker at \\[Source:.*?]\\)|\\[Source:.*?]");

    private JacksonErrors() {
    }

    /** How the request was wrong. */
    public record Problem(ErrorCode code, String message, List<FieldError> fields) {
    }

    /**
     * The client error this exception describes, or empty when it is not the client's fault (a failure
     * to write a response, or a DTO Jackson cannot handle), which is a 500.
     */
    public static Optional<Problem> explain(JacksonException e) {
        if (e instanceof InvalidDefinitionException || e.getProcessor() instanceof JsonGenerator) {
            return Optional.empty();
        }
        if (e instanceof StreamReadException || e instanceof StreamConstraintsException) {
            return Optional.of(malformed(e, sanitize(e.getOriginalMessage())));
        }
        if (e.getCause() instanceof JsonParseException syntax) {
            // A syntax error met while binding a value (a bad escape in a string) is still malformed JSON.
            return Optional.of(malformed(syntax, sanitize(syntax.getOriginalMessage())));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Optional.of(unknownProperty(unknown));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return Optional.of(mismatch(mismatch));
        }
        if (e instanceof JsonMappingException mapping) {
            String field = path(mapping);
            String message = sanitize(mapping.getOriginalMessage());
            return Optional.of(new Problem(ErrorCode.BAD_REQUEST, "Invalid value for '" + field + "': " + message,
                    List.of(new FieldError(field, message))));
        }
        return Optional.of(malformed(e, sanitize(e.getOriginalMessage())));
    }

    private static Problem unknownProperty(UnrecognizedPropertyException e) {
        String field = path(e);
        String allowed = names(e.getKnownPropertyIds());
        String message = "is not a known property; expected one of " + allowed;
        return new Problem(ErrorCode.BAD_REQUEST, "Unknown property '" + e.getPropertyName() + "' at '" + field
                + "'; expected one of " + allowed, List.of(new FieldError(field, message)));
    }

    private static Problem mismatch(MismatchedInputException e) {
        String original = e.getOriginalMessage();
        if (original.startsWith("Trailing token")) {
            return malformed(e, "expected one JSON value, but more follows it");
        }
        if (original.startsWith("No content to map")) {
            return new Problem(ErrorCode.BAD_REQUEST, ApiException.BODY_REQUIRED, List.of());
        }
        String field = path(e);
        String expected = expectedType(e.getTargetType());
        String actual = actualShape(original).map(shape -> ", got " + shape).orElse("");
        String message = "expected " + expected + actual;
        String where = field.isEmpty() ? "The request body" : "Invalid value for '" + field + "'";
        return new Problem(ErrorCode.BAD_REQUEST, where + ": " + message, List.of(new FieldError(field, message)));
    }

    private static Problem malformed(JacksonException e, String detail) {
        JsonLocation location = e.getLocation();
        String at = location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new Problem(ErrorCode.MALFORMED_JSON, "Malformed JSON" + at + ": " + detail, List.of());
    }

    /** The JSON path of the failing value as a client spells it, for example {@code targets[0].mappings[1].field}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String expectedType(@Nullable Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean (true or false)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time string, such as 2026-01-31T12:00:00Z";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a value of another type";
    }

    private static Optional<String> actualShape(String message) {
        Matcher matcher = ACTUAL_SHAPE.matcher(message);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(switch (matcher.group(1)) {
            case "String" -> "a string";
            case "Integer" -> "an integer";
            case "Floating-point", "Float" -> "a decimal number";
            case "Boolean" -> "a boolean";
            case "Object" -> "an object";
            case "Array" -> "an array";
            default -> "null";
        });
    }

    /** Jackson's message without its source description, and without the text of an unrecognized token. */
    static String sanitize(String message) {
        String firstLine = message.lines().findFirst().orElse("").trim();
        if (firstLine.startsWith("Unrecognized token")) {
            return "Unrecognized token; expected a JSON value: a string, number, object, array, true, false or null";
        }
        return SOURCE.matcher(firstLine).replaceAll("").trim();
    }

    private static String names(@Nullable Collection<Object> names) {
        if (names == null || names.isEmpty()) {
            return "(none)";
        }
        return names.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(", "));
    }
}
