/**
 * The JSON shapes of the admin API, as records, and the mappers between them and the engine's model.
 *
 * <p>DTOs hold enums as strings, so that an unknown value becomes a field error (422) instead of a parse
 * failure. Entry points: {@link org.openpayloads.web.dto.InputMapper}, which turns a request DTO into a model
 * record, applying defaults and collecting every conversion error into one
 * {@link org.openpayloads.api.ConfigException}; {@link org.openpayloads.web.dto.OutputMapper}, which turns
 * model records into response DTOs (secrets only masked); and {@link org.openpayloads.web.dto.ErrorResponse},
 * the one error body.
 */
@NullMarked
package org.openpayloads.web.dto;

import org.jspecify.annotations.NullMarked;
