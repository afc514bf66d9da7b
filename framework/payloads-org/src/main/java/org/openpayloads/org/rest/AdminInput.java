package org.openpayloads.org.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads an admin API body strictly: an unknown property or a value of the wrong type is a problem named by
 * its path, and every problem is collected before the request is refused.
 */
final class AdminInput {

    private final Map<String, String> problems = new LinkedHashMap<>();

    Map<String, String> problems() {
        return problems;
    }

    boolean ok() {
        return problems.isEmpty();
    }

    void problem(String field, String message) {
        problems.putIfAbsent(field, message);
    }

    void onlyKnown(JsonNode node, String prefix, Set<String> known) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problem(prefix + name, "Unknown property '" + name + "'; expected one of " + new TreeSet<>(known));
            }
        });
    }

    @Nullable String text(JsonNode node, String name, String prefix) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problem(prefix + name, "Expected a string for '" + name + "', got " + value);
            return null;
        }
        return value.textValue();
    }

    @Nullable Integer integer(JsonNode node, String name, String prefix) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problem(prefix + name, "Expected a whole number for '" + name + "', got " + value);
            return null;
        }
        return value.intValue();
    }

    @Nullable Long whole(JsonNode node, String name, String prefix) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problem(prefix + name, "Expected a whole number for '" + name + "', got " + value);
            return null;
        }
        return value.longValue();
    }

    @Nullable Boolean bool(JsonNode node, String name, String prefix) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            problem(prefix + name, "Expected true or false for '" + name + "', got " + value);
            return null;
        }
        return value.booleanValue();
    }

    @Nullable List<String> texts(JsonNode node, String name, String prefix) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            problem(prefix + name, "Expected an array of strings for '" + name + "', got " + value);
            return null;
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                problem(prefix + name + "[" + i + "]", "Expected a string, got " + value.get(i));
            } else {
                list.add(value.get(i).textValue());
            }
        }
        return list;
    }
}
