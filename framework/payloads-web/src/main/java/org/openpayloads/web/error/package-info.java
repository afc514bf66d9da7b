/**
 * Errors of the admin API: one status table, one JSON error body.
 *
 * <p>Entry points: {@link org.openpayloads.web.error.ErrorMapper}, the single
 * {@code ExceptionMapper<Throwable>}, which turns every failure into
 * {@code {"error":{"code","message","fields"}}}; {@link org.openpayloads.web.error.ErrorCode}, the codes and
 * their statuses; {@link org.openpayloads.web.error.ApiException}, what the web layer throws for a request it
 * rejects itself; and {@link org.openpayloads.web.error.JacksonErrors}, which explains a bad JSON body field by
 * field.
 */
@NullMarked
package org.openpayloads.web.error;

import org.jspecify.annotations.NullMarked;
