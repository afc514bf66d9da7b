package org.openpayloads.engine.config;

import java.util.ArrayList;
import java.util.List;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;

/** Collects field errors under a path prefix while a validator walks a nested object. */
final class Errors {

    private final List<FieldError> sink;
    private final String prefix;

    Errors() {
        this(new ArrayList<>(), "");
    }

    private Errors(List<FieldError> sink, String prefix) {
        this.sink = sink;
        this.prefix = prefix;
    }

    /** A view that adds to the same list, with {@code name} put before each field. */
    Errors nested(String name) {
        return new Errors(sink, join(prefix, name));
    }

    Errors nested(String name, int index) {
        return nested(name + "[" + index + "]");
    }

    void add(String field, String message) {
        sink.add(new FieldError(join(prefix, field), message));
    }

    void addAll(List<FieldError> fieldErrors) {
        fieldErrors.forEach(e -> add(e.field(), e.message()));
    }

    boolean isEmpty() {
        return sink.isEmpty();
    }

    List<FieldError> list() {
        return List.copyOf(sink);
    }

    void throwIfAny() {
        if (!sink.isEmpty()) {
            throw new ConfigException(sink);
        }
    }

    private static String join(String prefix, String name) {
        if (prefix.isEmpty()) {
            return name;
        }
        if (name.isEmpty()) {
            return prefix;
        }
        return name.startsWith("[") ? prefix + name : prefix + "." + name;
    }
}
