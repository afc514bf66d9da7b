package org.openpayloads.org;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The org's answer: status, headers and body bytes (empty for 204). */
public record OrgResponse(int status, Map<String, String> headers, byte[] body) {

    public OrgResponse {
        headers = Map.copyOf(headers);
    }

    /** The body as UTF-8 text, for logs and tests. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
