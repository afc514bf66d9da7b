package org.openpayloads.web.dto;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Where an outbound payload's data comes from. On input, {@code order} defaults to its position × 10. */
public record SourceDto(@Nullable String apiName, @Nullable String label, @Nullable Integer order,
                        @Nullable String object, @Nullable String filter, @Nullable String query,
                        @Nullable List<@Nullable FieldMappingDto> mappings) {

    public SourceDto withApiNameOr(String name) {
        return apiName != null ? this : new SourceDto(name, label, order, object, filter, query, mappings);
    }
}
