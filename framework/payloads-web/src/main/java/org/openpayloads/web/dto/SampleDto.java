package org.openpayloads.web.dto;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * A sample body to preview a payload with, or to derive its elements from.
 *
 * @param contentType the sample's media type, such as {@code application/x-www-form-urlencoded}; the payload's
 *     own when absent
 * @param body the sample as text; a JSON sample may also be given as a JSON value
 */
public record SampleDto(@Nullable String contentType, @Nullable JsonNode body) {
}
