package org.openpayloads.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration failed validation. Carries every field error found, not only the first, so that a
 * user can fix them all at once.
 */
public class ConfigException extends PayloadsException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public ConfigException(List<FieldError> errors) {
        super(summarize(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public ConfigException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summarize(List<FieldError> errors) {
        if (errors.size() == 1) {
            FieldError only = errors.get(0);
            return only.field() + ": " + only.message();
        }
        return errors.size() + " fields are invalid: "
                + errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
    }
}
