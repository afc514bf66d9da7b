package org.openpayloads.web.dto;

import org.jspecify.annotations.Nullable;

/** How an inbound payload checks its callers; {@code type} defaults to NONE. */
public record InboundAuthDto(@Nullable String type, @Nullable String credential, @Nullable String headerName,
                             @Nullable String signedContent, @Nullable String signatureEncoding,
                             @Nullable Integer toleranceSeconds) {
}
