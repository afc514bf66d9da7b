/**
 * The admin API's Jersey resources, under {@code /api/v1}, plus {@code /health}.
 *
 * <p>Each resource method turns HTTP into a DTO, calls one {@link org.openpayloads.engine.config.ConfigurationService}
 * (or job or token service) method, and turns the result into a DTO; it holds no business rule. PATCH applies
 * an RFC 7396 merge patch to the object as GET shows it and then behaves exactly like PUT. Entry points: one
 * resource class per kind of object, {@link org.openpayloads.web.resource.JobQueryParams} for the job filter,
 * and {@link org.openpayloads.web.resource.OpenApiDocument}, the hand-written OpenAPI 3.1 description.
 */
@NullMarked
package org.openpayloads.web.resource;

import org.jspecify.annotations.NullMarked;
