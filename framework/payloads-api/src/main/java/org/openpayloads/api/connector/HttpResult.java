package org.openpayloads.api.connector;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP answer. Immutable: the body is copied in and out.
 *
 * <p>{@link #toString()} shows the status, header names and body size, never the body: a token
 * response carries the access token.
 *
 * @param status the HTTP status code
 * @param headers answer headers; names are looked up without regard to case (HTTP/2 sends them
 *     lower-case, HTTP/1.1 servers usually capitalised)
 * @param body the body, empty for none
 */
public record HttpResult(int status, Map<String, String> headers, byte[] body) {

    public HttpResult {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status was " + status + "; expected 100 to 599");
        }
        headers = HttpCall.caseInsensitiveCopy(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The named header's value, whatever the case of the name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /**
     * How long the peer asked to wait ({@code Retry-After}, in seconds or as an HTTP date, a date in the past
     * being no wait); empty when the header is absent or unreadable.
     */
    public Optional<Duration> retryAfter(Clock clock) {
        return header("Retry-After").map(String::strip).flatMap(value -> {
            if (value.matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof HttpResult that && status == that.status && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "HttpResult[" + status + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
    }
}
