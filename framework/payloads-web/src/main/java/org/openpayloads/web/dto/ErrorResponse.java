package org.openpayloads.web.dto;

import java.util.List;
import org.openpayloads.api.FieldError;

/** The one error body: {@code {"error":{"code":"...","message":"...","fields":[...]}}}. */
public record ErrorResponse(Body error) {

    /** @param fields per-field problems; empty, never absent, when the error is not about fields */
    public record Body(String code, String message, List<FieldErrorDto> fields) {

        public Body {
            fields = List.copyOf(fields);
        }
    }

    public static ErrorResponse of(String code, String message, List<FieldError> fields) {
        return new ErrorResponse(new Body(code, message, fields.stream().map(FieldErrorDto::of).toList()));
    }
}
