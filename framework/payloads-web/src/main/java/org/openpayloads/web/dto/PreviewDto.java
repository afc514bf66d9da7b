package org.openpayloads.web.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a real run of a payload would do with a sample: its record operations, the lookups it made, and each
 * record's result.
 *
 * @param status COMPLETED, PARTIAL or FAILED, as the real run would end
 */
public record PreviewDto(String status, List<OperationDto> operations, List<LookupDto> lookups,
                         List<TargetResultDto> results) {

    /**
     * One record operation; {@code recordId} is known when the record was found before the write. A null in
     * {@code fields} is shown, since it clears the field.
     */
    public record OperationDto(String target, int index, String object, String action,
                               @Nullable String externalIdField, @Nullable String recordId,
                               @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, @Nullable Object> match,
                               @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, @Nullable Object> fields,
                               @Nullable String reason) {
    }

    /** One lookup: {@code SELECT returnField FROM object WHERE matchField = value}, and what it found. */
    public record LookupDto(String target, int index, String field, String object, String matchField,
                            @Nullable Object value, String returnField, @Nullable Object result, boolean cached) {
    }
}
