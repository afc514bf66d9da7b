package org.openpayloads.engine.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import org.jspecify.annotations.Nullable;

/** A path that needs Jayway JsonPath (wildcards, filters, deep scans, negative indexes), compiled once. */
final class JsonPathReader implements ElementReader {

    /** Reads Jackson trees in place, and answers null for a missing member instead of throwing. */
    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private final String path;
    private final JsonPath compiled;

    private JsonPathReader(String path, JsonPath compiled) {
        this.path = path;
        this.compiled = compiled;
    }

    static JsonPathReader compile(String path) {
        if (path.isEmpty() || (path.charAt(0) != '$' && path.charAt(0) != '@')) {
            throw new IllegalArgumentException("path '" + path + "' does not start with $ or @");
        }
        // Jayway roots every path at $; an @ path runs the same steps on the current item.
        String rooted = path.charAt(0) == '@' ? "$" + path.substring(1) : path;
        try {
            return new JsonPathReader(path, JsonPath.compile(rooted));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("path '" + path + "' is not a valid JSONPath: " + e.getMessage(), e);
        }
    }

    @Override
    public @Nullable Object read(JsonNode root, @Nullable JsonNode item) {
        JsonNode start = relative() && item != null ? item : root;
        Object value = compiled.read(start, JACKSON);
        return value instanceof JsonNode node && (node.isNull() || node.isMissingNode()) ? null : value;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String toString() {
        return "JsonPathReader[" + path + "]";
    }
}
