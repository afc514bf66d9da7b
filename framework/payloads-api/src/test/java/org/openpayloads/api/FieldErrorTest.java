package org.openpayloads.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldErrorTest {

    @Test
    void nestsUnderAPrefix() {
        assertThat(new FieldError("path", "bad").under("elements[2]").field()).isEqualTo("elements[2].path");
        assertThat(new FieldError("[0].field", "bad").under("mappings").field()).isEqualTo("mappings[0].field");
        assertThat(new FieldError("", "bad").under("label").field()).isEqualTo("label");
        assertThat(new FieldError("x", "bad").under("").field()).isEqualTo("x");
    }

    @Test
    void configExceptionSummarizesItsFields() {
        assertThat(new ConfigException("apiName", "is required").getMessage()).isEqualTo("apiName: is required");
        assertThat(new ConfigException(List.of(new FieldError("a", "x"), new FieldError("b", "y"))).getMessage())
                .isEqualTo("2 fields are invalid: a, b");
        assertThatThrownBy(() -> new ConfigException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
