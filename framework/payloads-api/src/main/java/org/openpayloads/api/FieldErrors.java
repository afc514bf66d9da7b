package org.openpayloads.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects field errors while a validator walks a nested object, so that every problem is reported at
 * once. {@link #nested} gives a view that adds to the same list with a path prefix, as in
 * {@code targets[0].mappings[1].value}. Not thread-safe: one validation at a time.
 */
public final class FieldErrors {

    private final List<FieldError> sink;
    private final String prefix;

    public FieldErrors() {
        this(new ArrayList<>(), "");
    }

    private FieldErrors(List<FieldError> sink, String prefix) {
        this.sink = sink;
        this.prefix = prefix;
    }

    /** A view that adds to the same list, with {@code name} put before each field. */
    public FieldErrors nested(String name) {
        return new FieldErrors(sink, FieldError.join(prefix, name));
    }

    public FieldErrors nested(String name, int index) {
        return nested(name + "[" + index + "]");
    }

    public void add(String field, String message) {
        sink.add(new FieldError(FieldError.join(prefix, field), message));
    }

    public void addAll(List<FieldError> fieldErrors) {
        fieldErrors.forEach(e -> add(e.field(), e.message()));
    }

    public boolean isEmpty() {
        return sink.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(sink);
    }

    /** Throws every error collected so far, as one {@link ConfigException}. */
    public void throwIfAny() {
        if (!sink.isEmpty()) {
            throw new ConfigException(sink);
        }
    }
}
