package org.openpayloads.web.dto;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The raw request a job was made from. {@code body} is UTF-8 text when the bytes are valid UTF-8; otherwise
 * it is base64 and {@code bodyEncoding} is {@code base64}.
 */
public record JobRequestDto(@Nullable String contentType, Map<String, String> headers, String body,
                            @Nullable String bodyEncoding) {
}
