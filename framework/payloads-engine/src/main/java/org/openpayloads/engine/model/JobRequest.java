package org.openpayloads.engine.model;

import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The raw request a job was made from, as received: body bytes, content type and the headers that are
 * safe to keep (never Authorization, cookies or signatures).
 */
public record JobRequest(@Nullable String contentType, Map<String, String> headers, byte[] body) {

    public JobRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JobRequest that && java.util.Objects.equals(contentType, that.contentType)
                && headers.equals(that.headers) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(contentType, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "JobRequest[contentType=" + contentType + ", headers=" + headers.keySet() + ", body=" + body.length
                + " bytes]";
    }
}
