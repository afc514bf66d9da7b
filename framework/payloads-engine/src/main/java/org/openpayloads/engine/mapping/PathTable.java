package org.openpayloads.engine.mapping;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The element paths of a plan being compiled: each configured path once, by its text, and the plain paths'
 * prefixes ({@code $.data.object} of {@code $.data.object.id}), each with the slot where a record keeps its node.
 * Not thread-safe: one per compilation.
 */
final class PathTable {

    private final Map<String, ElementReader> paths = new HashMap<>();
    private final Map<String, SimplePath> prefixes = new HashMap<>();
    private int slots;

    @Nullable ElementReader get(String path) {
        return paths.get(path);
    }

    void put(String path, ElementReader reader) {
        paths.put(path, reader);
    }

    /** {@code simple} joined to its parent, which is made (and kept) too when no path has needed it yet. */
    SimplePath linked(SimplePath simple) {
        SimplePath parent = null;
        if (simple.depth() > 1) {
            String above = simple.parentPath();
            parent = prefixes.get(above);
            if (parent == null && paths.get(above) instanceof SimplePath configured && configured.slot() >= 0) {
                parent = configured;
            }
            if (parent == null) {
                SimplePath parsed = SimplePath.parse(above);
                if (parsed == null) {
                    throw new IllegalStateException("the prefix " + above + " of a plain path is not plain");
                }
                parent = linked(parsed);
                prefixes.put(above, parent);
            }
        }
        return simple.linked(parent, slots++);
    }

    /** The configured paths, by their text. */
    Map<String, ElementReader> paths() {
        return paths;
    }

    /** How many nodes a record may keep: one per plain path and prefix. */
    int slots() {
        return slots;
    }
}
