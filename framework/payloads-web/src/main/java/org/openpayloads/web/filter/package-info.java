/**
 * Request filters: of the admin API, and one for every request.
 *
 * <p>Entry points: {@link org.openpayloads.web.filter.BearerAuthFilter}, which requires an admin bearer token
 * on every path under {@code /api/v1} except the OpenAPI description, and sets a
 * {@link org.openpayloads.web.filter.TokenSecurityContext} naming the token; and
 * {@link org.openpayloads.web.filter.BodyLimitFilter}, which caps the size of admin API request bodies; and
 * {@link org.openpayloads.web.filter.ContentTypeFilter}, which refuses a Content-Type that is not a media type.
 */
@NullMarked
package org.openpayloads.web.filter;

import org.jspecify.annotations.NullMarked;
