package org.openpayloads.engine.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * A compiled element path. Made once per path when a mapping is compiled; reading is thread-safe and compiles
 * nothing.
 */
public sealed interface ElementReader permits SimplePath, JsonPathReader {

    /**
     * The value at this path.
     *
     * @param root the body's tree, which {@code $} paths start from
     * @param item the current item of a repeated target, which {@code @} paths start from; null outside one
     * @return a Jackson node or a plain Java value; null when the path matches nothing or a JSON null. A path
     *     with a wildcard, a filter or a deep scan gives an array of its matches.
     */
    @Nullable Object read(JsonNode root, @Nullable JsonNode item);

    /** The path as configured. */
    String path();

    /** Whether the path starts at the current item ({@code @}) rather than the body's root. */
    default boolean relative() {
        return path().startsWith("@");
    }

    /**
     * Compiles {@code path}: plain member and index steps ({@code $.data.object.id}, {@code @.items[0]['x-y']})
     * take a direct walk over the tree; anything else goes to Jayway JsonPath.
     *
     * @throws IllegalArgumentException when the path is not a valid JSONPath from {@code $} or {@code @}
     */
    static ElementReader compile(String path) {
        SimplePath simple = SimplePath.parse(path);
        return simple != null ? simple : JsonPathReader.compile(path);
    }
}
