package org.openpayloads.web.dto;

import org.jspecify.annotations.Nullable;

/**
 * An id in the body replaced by the resource it names before the targets run, such as a Stripe customer.
 * {@code optional} (default false) keeps the id when the credential cannot make the call or the API refuses it.
 */
public record ExpansionDto(@Nullable String path, @Nullable String credential, @Nullable String resource,
                           @Nullable Boolean optional) {
}
