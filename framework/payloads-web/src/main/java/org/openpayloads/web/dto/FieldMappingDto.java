package org.openpayloads.web.dto;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One line of a mapping, {@code field ← value source}; {@code nullRule} defaults to IGNORE. */
public record FieldMappingDto(@Nullable String field, @Nullable String sourceType, @Nullable String value,
                              @Nullable String reference, @Nullable String lookupMatchField,
                              @Nullable String lookupReturnField, @Nullable String nullRule,
                              @Nullable Map<String, @Nullable String> valueMap, @Nullable String defaultValue) {
}
