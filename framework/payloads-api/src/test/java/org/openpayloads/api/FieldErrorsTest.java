package org.openpayloads.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    @Test
    void nestedViewsAddToOneListUnderTheirPath() {
        FieldErrors errors = new FieldErrors();
        errors.add("apiName", "is required");
        FieldErrors mapping = errors.nested("targets", 0).nested("mappings", 1);
        mapping.add("value", "bad path");
        mapping.add("", "is required");
        errors.nested("secrets").addAll(List.of(new FieldError("password", "is required")));

        assertThat(errors.list()).extracting(FieldError::field).containsExactly("apiName",
                "targets[0].mappings[1].value", "targets[0].mappings[1]", "secrets.password");
        assertThat(mapping.isEmpty()).isFalse();
    }

    @Test
    void throwsEveryErrorAtOnceOrNothing() {
        FieldErrors errors = new FieldErrors();
        errors.throwIfAny();
        errors.add("a", "x");
        errors.add("b", "y");
        assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.errors()).hasSize(2));
    }
}
