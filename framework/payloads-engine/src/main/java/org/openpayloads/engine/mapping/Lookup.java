package org.openpayloads.engine.mapping;

import org.jspecify.annotations.Nullable;

/**
 * A read the engine made to fill a field: {@code SELECT returnField FROM object WHERE matchField = value}.
 *
 * @param target the target's API name
 * @param index the item's position for a repeated target
 * @param field the target field the lookup fills
 * @param result what was found; null when no record matched
 * @param cached whether the answer came from the lookup cache instead of the org
 */
public record Lookup(String target, int index, String field, String object, String matchField,
                     @Nullable Object value, String returnField, @Nullable Object result, boolean cached) {
}
