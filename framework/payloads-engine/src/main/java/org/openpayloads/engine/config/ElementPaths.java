package org.openpayloads.engine.config;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Element paths: a JSONPath from the body's root ({@code $.data.object.id}), or from the current item
 * of a repeated element ({@code @.price}), run by Jayway JsonPath. A key may also name a request
 * header as {@code header:Idempotency-Key}.
 */
public final class ElementPaths {

    static final int MAX_LENGTH = 1000;
    private static final String HEADER_PREFIX = "header:";
    private static final Pattern NAMES_ONLY = Pattern.compile("\\$(\\.[A-Za-z_][A-Za-z0-9_-]*)+");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    private ElementPaths() {
    }

    /**
     * Compiles {@code path}, so that a bad one fails when the configuration is saved, not when a
     * payload arrives.
     *
     * @return what is wrong, or empty when the path is valid
     */
    public static Optional<String> problem(String path) {
        if (path.length() > MAX_LENGTH) {
            return Optional.of("is " + path.length() + " characters long; expected at most " + MAX_LENGTH);
        }
        if (!path.startsWith("$") && !path.startsWith("@")) {
            return Optional.of("'" + path + "' is not a JSONPath; expected one that starts with $ (the body's root)"
                    + " or @ (the current item), such as $.data.object.id");
        }
        try {
            JsonPath.compile(path);
            return Optional.empty();
        } catch (InvalidPathException | IllegalArgumentException e) {
            return Optional.of("'" + path + "' is not a valid JSONPath (" + e.getMessage()
                    + "); expected for example $.data.object.id");
        }
    }

    /**
     * What is wrong with a path that must name one value by names alone ({@code $.data.object.customer}), such
     * as an expansion's, so that the value's parent is known; empty when it is such a path.
     */
    public static Optional<String> namesOnlyProblem(String path) {
        return NAMES_ONLY.matcher(path).matches() ? Optional.empty() : Optional.of("'" + path + "' is not a path "
                + "of names from the root; expected for example $.data.object.customer (no filters, wildcards or "
                + "array indexes)");
    }

    /** Like {@link #problem(String)}, but also accepts {@code header:Name}. */
    public static Optional<String> keyProblem(String key) {
        if (key.toLowerCase(Locale.ROOT).startsWith(HEADER_PREFIX)) {
            String name = key.substring(HEADER_PREFIX.length());
            return HEADER_NAME.matcher(name).matches() ? Optional.empty()
                    : Optional.of("'" + name + "' is not a valid header name; expected for example header:Idempotency-Key");
        }
        return problem(key);
    }

    /** The header a key names, when it is of the form {@code header:Name}. */
    public static Optional<String> headerName(String key) {
        return key.toLowerCase(Locale.ROOT).startsWith(HEADER_PREFIX)
                ? Optional.of(key.substring(HEADER_PREFIX.length())) : Optional.empty();
    }
}
