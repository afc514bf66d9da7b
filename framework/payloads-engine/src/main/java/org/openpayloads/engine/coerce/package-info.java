/**
 * Coercion of mapped values to the type of a Salesforce field, as its describe gives it.
 *
 * <p>Entry points: {@link org.openpayloads.engine.coerce.Coercer#coerce} turns a value from a parsed
 * body (a Jackson {@code JsonNode} or a plain Java value) into the JSON-ready value to send, or throws a
 * {@link org.openpayloads.engine.coerce.CoercionException} that names the element, the field, the value
 * and the expected type. {@link org.openpayloads.engine.coerce.Amounts} turns minor units (cents) into
 * decimal amounts.
 */
@NullMarked
package org.openpayloads.engine.coerce;

import org.jspecify.annotations.NullMarked;
