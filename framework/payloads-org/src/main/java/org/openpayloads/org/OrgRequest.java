package org.openpayloads.org;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request to the org, as HTTP carries it or as an in-process caller hands it over.
 *
 * @param path     the raw (percent-encoded) path, such as {@code /services/data/v62.0/sobjects/Account}
 * @param rawQuery the raw query string without {@code ?}, or null
 * @param headers  request headers; names match without case
 * @param baseUrl  the URL clients reach the server at, such as {@code http://localhost:8080}, for
 *                 {@code instance_url} and record URLs
 */
public record OrgRequest(String method, String path, @Nullable String rawQuery, Map<String, String> headers,
                         byte[] body, String baseUrl) {

    public OrgRequest {
        if (method.isBlank()) {
            throw new IllegalArgumentException("method was blank; expected an HTTP method such as GET");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path was '" + path + "'; expected it to start with /");
        }
        headers = Map.copyOf(headers);
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
