package org.openpayloads.engine.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fast path for paths made only of member names and non-negative indexes, such as
 * {@code $.data.object.billing_details.address.city}: a walk over the tree with no JsonPath machinery, giving the
 * same answer Jayway gives for such a path.
 */
final class SimplePath implements ElementReader {

    private final String path;
    private final boolean relative;
    /** Each step is a String (member name) or an Integer (index). */
    private final Object[] steps;
    /** Where the last step starts in {@link #path}. */
    private final int lastStepAt;
    /** In a plan: the path without its last step, whose node a record reads once for all paths below it. */
    private final @Nullable SimplePath parent;
    /** In a plan: where a record keeps this path's node; -1 outside a plan. */
    private final int slot;

    private SimplePath(String path, boolean relative, Object[] steps, int lastStepAt, @Nullable SimplePath parent,
                       int slot) {
        this.path = path;
        this.relative = relative;
        this.steps = steps;
        this.lastStepAt = lastStepAt;
        this.parent = parent;
        this.slot = slot;
    }

    /** This path in a plan: its parent's node and its own kept per record, at {@code slot}. */
    SimplePath linked(@Nullable SimplePath parentPath, int slotInPlan) {
        return new SimplePath(path, relative, steps, lastStepAt, parentPath, slotInPlan);
    }

    /** The path without its last step, such as {@code $.data.object} for {@code $.data.object.id}. */
    String parentPath() {
        return path.substring(0, lastStepAt);
    }

    int depth() {
        return steps.length;
    }

    @Nullable SimplePath parent() {
        return parent;
    }

    int slot() {
        return slot;
    }

    /** The last step taken from {@code node}: a member or an item, or null when there is none. */
    @Nullable JsonNode lastStep(JsonNode node) {
        Object step = steps[steps.length - 1];
        return step instanceof String name ? (node.isObject() ? node.get(name) : null)
                : (node.isArray() ? node.get((Integer) step) : null);
    }

    /** Where the path starts: the current item for an {@code @} path inside a repeated target, else the root. */
    JsonNode start(JsonNode root, @Nullable JsonNode item) {
        return relative && item != null ? item : root;
    }

    /** The compiled path, or null when {@code path} needs JsonPath. */
    static @Nullable SimplePath parse(String path) {
        if (path.isEmpty() || (path.charAt(0) != '$' && path.charAt(0) != '@')) {
            return null;
        }
        List<Object> steps = new ArrayList<>();
        int lastStepAt = 1;
        int i = 1;
        int length = path.length();
        while (i < length) {
            char c = path.charAt(i);
            lastStepAt = i;
            if (c == '.') {
                int start = ++i;
                while (i < length && isNameChar(path.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    return null; // "..", ".*", a trailing dot
                }
                // Interned like the member names Jackson reads, so that a lookup compares them by identity.
                steps.add(path.substring(start, i).intern());
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    return null;
                }
                Object step = bracketStep(path.substring(i + 1, close));
                if (step == null) {
                    return null;
                }
                steps.add(step);
                i = close + 1;
            } else {
                return null;
            }
        }
        return new SimplePath(path, path.charAt(0) == '@', steps.toArray(), lastStepAt, null, -1);
    }

    private static @Nullable Object bracketStep(String inside) {
        if (inside.length() >= 2 && inside.charAt(0) == '\'' && inside.charAt(inside.length() - 1) == '\'') {
            String name = inside.substring(1, inside.length() - 1);
            // Quotes, commas and backslashes inside mean escapes or unions: JsonPath's job.
            return name.isEmpty() || name.indexOf('\'') >= 0 || name.indexOf(',') >= 0 || name.indexOf('\\') >= 0
                    ? null : name.intern();
        }
        if (inside.isEmpty() || inside.length() > 9) {
            return null;
        }
        for (int i = 0; i < inside.length(); i++) {
            if (inside.charAt(i) < '0' || inside.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.valueOf(inside);
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    @Override
    public @Nullable Object read(JsonNode root, @Nullable JsonNode item) {
        JsonNode node = start(root, item);
        for (Object step : steps) {
            node = step instanceof String name ? (node.isObject() ? node.get(name) : null)
                    : (node.isArray() ? node.get((Integer) step) : null);
            if (node == null) {
                return null;
            }
        }
        return node.isNull() || node.isMissingNode() ? null : node;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String toString() {
        return "SimplePath[" + path + "]";
    }
}
