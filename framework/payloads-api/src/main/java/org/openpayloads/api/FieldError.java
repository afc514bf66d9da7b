package org.openpayloads.api;

import java.util.Objects;

/**
 * A problem with one named field of a configuration or a request.
 *
 * @param field the field's path as a client spells it, for example {@code targets[0].externalIdField}
 * @param message what was wrong and what was expected; never contains a secret value
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** This error with its field placed under {@code prefix}, as in {@code prefix.field}. */
    public FieldError under(String prefix) {
        return prefix.isEmpty() ? this : new FieldError(join(prefix, field), message);
    }

    /** {@code prefix.name}, or {@code prefix[0]} for an index; either side may be empty. */
    static String join(String prefix, String name) {
        if (prefix.isEmpty()) {
            return name;
        }
        if (name.isEmpty()) {
            return prefix;
        }
        return name.startsWith("[") ? prefix + name : prefix + "." + name;
    }
}
