package org.openpayloads.web.dto;

import org.jspecify.annotations.Nullable;

/** An id in the body replaced by the resource it names before the targets run, such as a Stripe customer. */
public record ExpansionDto(@Nullable String path, @Nullable String credential, @Nullable String resource) {
}
