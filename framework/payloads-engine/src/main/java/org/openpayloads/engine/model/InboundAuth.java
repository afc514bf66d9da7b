package org.openpayloads.engine.model;

import org.jspecify.annotations.Nullable;

/**
 * How an inbound payload authenticates its callers. The secrets live in the named credential.
 *
 * @param credential API name of the credential in the same integration that holds the secret(s)
 * @param headerName the header carrying the key or signature (API_KEY, HMAC)
 * @param signedContent the HMAC signed-content template, for example {@code {timestamp}.{body}}
 * @param signatureEncoding HEX or BASE64 (HMAC)
 * @param toleranceSeconds how old a signed timestamp may be
 */
public record InboundAuth(AuthType type, @Nullable String credential, @Nullable String headerName,
                          @Nullable String signedContent, @Nullable String signatureEncoding,
                          @Nullable Integer toleranceSeconds) {

    public static final InboundAuth NONE = new InboundAuth(AuthType.NONE, null, null, null, null, null);

    public InboundAuth {
        type = type == null ? AuthType.NONE : type;
    }
}
