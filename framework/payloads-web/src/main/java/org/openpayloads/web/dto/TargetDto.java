package org.openpayloads.web.dto;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where an inbound payload's data goes. On input, {@code label} defaults to {@code apiName}, {@code order} to
 * the target's position × 10, {@code whenPresent} to UPDATE, and {@code onTooLong} (TRUNCATE or FAIL: what to do
 * with a text longer than its field allows) to FAIL.
 */
public record TargetDto(@Nullable String apiName, @Nullable String label, @Nullable Integer order,
                        @Nullable String object, @Nullable String operation, @Nullable String externalIdField,
                        @Nullable List<@Nullable String> matchFields, @Nullable String whenPresent,
                        @Nullable String condition, @Nullable String repeatPath,
                        @Nullable List<@Nullable FieldMappingDto> mappings, @Nullable String onTooLong) {

    public TargetDto withApiNameOr(String name) {
        return apiName != null ? this : new TargetDto(name, label, order, object, operation, externalIdField,
                matchFields, whenPresent, condition, repeatPath, mappings, onTooLong);
    }
}
