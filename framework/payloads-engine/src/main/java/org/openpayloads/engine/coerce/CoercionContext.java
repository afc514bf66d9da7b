package org.openpayloads.engine.coerce;

import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.model.TooLong;

/**
 * Where a value goes and how to read it.
 *
 * @param object the target object's API name, for example {@code Account}; named in errors
 * @param elementPath the source element the value came from, for example {@code $.data.object.amount}; named in
 *     errors when known
 * @param onTooLong what to do with a text longer than its field allows
 * @param zone the zone of date-times without an offset, and of the day a date-time falls on
 */
public record CoercionContext(String object, @Nullable String elementPath, TooLong onTooLong, ZoneId zone) {

    public CoercionContext {
        if (object.isBlank()) {
            throw new IllegalArgumentException("a coercion context needs the target object's name");
        }
        if (elementPath != null && elementPath.isBlank()) {
            throw new IllegalArgumentException("element path was blank; expected a path such as $.id, or null");
        }
        Objects.requireNonNull(onTooLong, "onTooLong");
        Objects.requireNonNull(zone, "zone");
    }
}
