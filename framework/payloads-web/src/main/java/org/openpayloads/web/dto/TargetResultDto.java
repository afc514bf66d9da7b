package org.openpayloads.web.dto;

import org.jspecify.annotations.Nullable;

/** What one target did with one record of a job. */
public record TargetResultDto(String target, int index, @Nullable String object, @Nullable String operation,
                              @Nullable String recordId, @Nullable Boolean created, boolean success,
                              @Nullable String errorCode, @Nullable String message) {
}
