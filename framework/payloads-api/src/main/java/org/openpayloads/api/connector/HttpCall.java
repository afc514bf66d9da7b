package org.openpayloads.api.connector;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request. Immutable: the body is copied in and out.
 *
 * <p>{@link #toString()} shows the method, URI, header names and body size, never header values or the
 * body: they carry tokens and, on a token request, the client secret.
 *
 * @param method an upper-case HTTP method, for example {@code PATCH}
 * @param uri an absolute http(s) URI
 * @param headers request headers; names are looked up without regard to case
 * @param body the body, empty for none
 * @param timeout how long to wait for the answer
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {

    public HttpCall {
        if (!method.matches("[A-Z]+")) {
            throw new IllegalArgumentException("HTTP method was '" + method + "'; expected an upper-case token such as GET");
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException("URI was '" + uri + "'; expected an absolute http(s) URI");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout was " + timeout + "; expected a positive duration");
        }
        headers = caseInsensitiveCopy(headers);
        body = body.clone();
    }

    /** A call without a body. */
    public static HttpCall of(String method, URI uri, Map<String, String> headers, Duration timeout) {
        return new HttpCall(method, uri, headers, new byte[0], timeout);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The named header's value, whatever the case of the name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof HttpCall that && method.equals(that.method) && uri.equals(that.uri)
                && headers.equals(that.headers) && Arrays.equals(body, that.body) && timeout.equals(that.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, headers, Arrays.hashCode(body), timeout);
    }

    @Override
    public String toString() {
        return "HttpCall[" + method + " " + uri + ", headers=" + headers.keySet() + ", body=" + body.length
                + " bytes, timeout=" + timeout + "]";
    }

    static Map<String, String> caseInsensitiveCopy(Map<String, String> headers) {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "header name"),
                Objects.requireNonNull(value, () -> "value of header " + name)));
        return Collections.unmodifiableMap(copy);
    }
}
