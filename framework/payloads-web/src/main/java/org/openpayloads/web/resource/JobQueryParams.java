package org.openpayloads.web.resource;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.FieldError;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.port.JobQuery;
import org.openpayloads.web.error.ApiException;

/**
 * Reads the job filter from query parameters: {@code integration}, {@code payload}, {@code status} (repeatable
 * and/or comma-separated, any case), {@code from} and {@code to} (ISO-8601 instants), {@code page} (from 0)
 * and {@code size} (1 to 500). Every bad parameter is reported, each as a field error, in one 400.
 */
public final class JobQueryParams {

    public static final int DEFAULT_SIZE = 50;
    private static final List<String> SINGLE = List.of("integration", "payload", "from", "to", "page", "size");

    private JobQueryParams() {
    }

    public static JobQuery parse(MultivaluedMap<String, String> params) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : SINGLE) {
            List<String> values = params.get(name);
            if (values != null && values.size() > 1) {
                errors.add(new FieldError(name, "is given " + values.size() + " times; expected it once"));
            }
        }
        Set<JobStatus> statuses = statuses(params.get("status"), errors);
        Instant from = instant("from", params.getFirst("from"), errors);
        Instant to = instant("to", params.getFirst("to"), errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "'" + to + "' is before from '" + from + "'; expected a later instant"));
        }
        int page = integer("page", params.getFirst("page"), 0, 0, Integer.MAX_VALUE, errors);
        int size = integer("size", params.getFirst("size"), DEFAULT_SIZE, 1, JobQuery.MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Invalid query parameters: " + errors.stream().map(FieldError::field)
                    .distinct().collect(Collectors.joining(", ")), errors);
        }
        return new JobQuery(text(params.getFirst("integration")), text(params.getFirst("payload")), statuses, from, to,
                page, size);
    }

    private static Set<JobStatus> statuses(@Nullable List<String> values, List<FieldError> errors) {
        Set<JobStatus> statuses = EnumSet.noneOf(JobStatus.class);
        if (values == null) {
            return statuses;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                String name = part.trim();
                if (name.isEmpty()) {
                    continue;
                }
                try {
                    statuses.add(JobStatus.valueOf(name.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException unknown) {
                    errors.add(new FieldError("status", "'" + name + "' is not a job status; expected one of "
                            + Arrays.stream(JobStatus.values()).map(Enum::name).collect(Collectors.joining(", "))));
                }
            }
        }
        return statuses;
    }

    private static @Nullable Instant instant(String name, @Nullable String value, List<FieldError> errors) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notIso) {
                errors.add(new FieldError(name, "'" + text + "' is not an ISO-8601 instant; expected for example "
                        + "2026-01-31T12:00:00Z"));
                return null;
            }
        }
    }

    private static int integer(String name, @Nullable String value, int fallback, int min, int max,
                               List<FieldError> errors) {
        String text = text(value);
        if (text == null) {
            return fallback;
        }
        String expected = max == Integer.MAX_VALUE ? "an integer of " + min + " or more"
                : "an integer from " + min + " to " + max;
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return number;
            }
            errors.add(new FieldError(name, "is " + number + "; expected " + expected));
        } catch (NumberFormatException notANumber) {
            errors.add(new FieldError(name, "'" + text + "' is not a number; expected " + expected));
        }
        return fallback;
    }

    private static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
