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

    private SimplePath(String path, boolean relative, Object[] steps) {
        this.path = path;
        this.relative = relative;
        this.steps = steps;
    }

    /** The compiled path, or null when {@code path} needs JsonPath. */
    static @Nullable SimplePath parse(String path) {
        if (path.isEmpty() || (path.charAt(0) != '$' && path.charAt(0) != '@')) {
            return null;
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        int length = path.length();
        while (i < length) {
            char c = path.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < length && isNameChar(path.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    return null; // "..", ".*", a trailing dot
                }
                steps.add(path.substring(start, i));
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
        return new SimplePath(path, path.charAt(0) == '@', steps.toArray());
    }

    private static @Nullable Object bracketStep(String inside) {
        if (inside.length() >= 2 && inside.charAt(0) == '\'' && inside.charAt(inside.length() - 1) == '\'') {
            String name = inside.substring(1, inside.length() - 1);
            // Quotes, commas and backslashes inside mean escapes or unions: JsonPath's job.
            return name.isEmpty() || name.indexOf('\'') >= 0 || name.indexOf(',') >= 0 || name.indexOf('\\') >= 0
                    ? null : name;
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
        JsonNode node = relative && item != null ? item : root;
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
