package org.openpayloads.web.dto;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.FieldErrors;

/**
 * Collects the errors of turning one request DTO into a model record, under a path prefix as the engine's
 * validator names fields ({@code targets[0].mappings[1].sourceType}), so that all of them are reported at once.
 */
final class Conversion {

    private final FieldErrors errors;

    Conversion() {
        this(new FieldErrors());
    }

    private Conversion(FieldErrors errors) {
        this.errors = errors;
    }

    /** A view that adds to the same list, with {@code name} put before each field. */
    Conversion nested(String name) {
        return new Conversion(errors.nested(name));
    }

    Conversion nested(String name, int index) {
        return new Conversion(errors.nested(name, index));
    }

    void add(String field, String message) {
        errors.add(field, message);
    }

    /**
     * The constant {@code value} names, or null when it is absent or names none; in the latter case an error
     * such as {@code 'YAML' is not a content type; expected one of JSON, ...} is added.
     *
     * @param noun what the value should be, with its article, as in {@code "a content type"}
     */
    <E extends Enum<E>> @Nullable E enumValue(String field, @Nullable String value, Class<E> type, String noun) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        add(field, notOneOf(value, type, noun));
        return null;
    }

    static String notOneOf(String value, Class<? extends Enum<?>> type, String noun) {
        return "'" + value + "' is not " + noun + "; expected one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** Throws every error collected so far, as one {@link org.openpayloads.api.ConfigException}. */
    void throwIfAny() {
        errors.throwIfAny();
    }
}
