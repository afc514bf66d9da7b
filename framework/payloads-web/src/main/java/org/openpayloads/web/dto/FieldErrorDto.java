package org.openpayloads.web.dto;

import org.openpayloads.api.FieldError;

/** A problem with one field: its path as the client spells it, and what was expected. */
public record FieldErrorDto(String field, String message) {

    public static FieldErrorDto of(FieldError error) {
        return new FieldErrorDto(error.field(), error.message());
    }
}
