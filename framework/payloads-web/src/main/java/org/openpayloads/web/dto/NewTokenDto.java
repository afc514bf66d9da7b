package org.openpayloads.web.dto;

import org.jspecify.annotations.Nullable;

/** The body of a request to issue a token: {@code {"name":"ci"}}. */
public record NewTokenDto(@Nullable String name) {
}
