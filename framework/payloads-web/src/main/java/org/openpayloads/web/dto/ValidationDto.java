package org.openpayloads.web.dto;

import java.util.List;

/** The answer of {@code POST .../validate}: whether the stored integration is valid, and every problem. */
public record ValidationDto(boolean valid, List<FieldErrorDto> problems) {

    public ValidationDto {
        problems = List.copyOf(problems);
    }
}
