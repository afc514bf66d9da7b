/**
 * JSON at the edge of the admin API: the one configured {@link com.fasterxml.jackson.databind.ObjectMapper}
 * and RFC 7396 merge patches.
 *
 * <p>Entry points: {@link org.openpayloads.web.json.ApiJson}, which builds the mapper (strict: no unknown
 * properties, no scalar coercion, no trailing tokens) and applies a PATCH body to the JSON of the current
 * object; {@link org.openpayloads.web.json.MergePatch}, the RFC 7396 algorithm; and
 * {@link org.openpayloads.web.json.ObjectMapperResolver}, which hands the mapper to Jersey's Jackson provider.
 */
@NullMarked
package org.openpayloads.web.json;

import org.jspecify.annotations.NullMarked;
