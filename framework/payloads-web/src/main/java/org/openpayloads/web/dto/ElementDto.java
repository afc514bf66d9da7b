package org.openpayloads.web.dto;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A node of a payload's body tree; {@code dataType} defaults to STRING, the flags to false. */
public record ElementDto(@Nullable String name, @Nullable String path, @Nullable String dataType,
                         @Nullable Boolean required, @Nullable Boolean repeated,
                         @Nullable List<@Nullable ElementDto> children) {
}
