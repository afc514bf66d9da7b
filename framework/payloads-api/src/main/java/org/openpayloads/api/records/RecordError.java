package org.openpayloads.api.records;

import java.util.List;

/**
 * Why the target refused one record.
 *
 * @param code the target's error code, for example {@code REQUIRED_FIELD_MISSING}
 * @param message the target's explanation
 * @param fields the fields it blames, possibly none
 */
public record RecordError(String code, String message, List<String> fields) {

    public RecordError {
        if (code.isBlank()) {
            throw new IllegalArgumentException("a record error needs a code");
        }
        fields = List.copyOf(fields);
    }

    public RecordError(String code, String message) {
        this(code, message, List.of());
    }
}
