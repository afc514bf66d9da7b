/**
 * The admin REST API of OpenPayloads, as a Jersey application.
 *
 * <p>Entry point: {@link org.openpayloads.web.WebApplication#create(WebServices)}, which builds a
 * {@code ResourceConfig} with every resource, the Jackson provider, the bearer-token filter and the one
 * exception mapper, over the engine services in {@link org.openpayloads.web.WebServices}. The server mounts it
 * at its root URI; {@link org.openpayloads.web.HealthCheck}s feed {@code GET /health}.
 */
@NullMarked
package org.openpayloads.web;

import org.jspecify.annotations.NullMarked;
