package org.openpayloads.web.dto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.engine.model.Direction;

class ConversionTest {

    @Test
    void namesNestedFieldsAsTheValidatorDoes() {
        Conversion root = new Conversion();
        root.nested("targets", 1).nested("mappings", 0).add("sourceType", "bad");
        root.nested("elements").nested("[2]").add("", "is required");

        assertThatThrownBy(root::throwIfAny).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.errors()).containsExactly(new FieldError("targets[1].mappings[0].sourceType", "bad"),
                        new FieldError("elements[2]", "is required")));
    }

    @Test
    void anEnumValueIsMatchedByItsExactName() {
        Conversion errors = new Conversion();

        assertThat(errors.enumValue("direction", "OUTBOUND", Direction.class, "a direction")).isEqualTo(Direction.OUTBOUND);
        assertThat(errors.enumValue("direction", null, Direction.class, "a direction")).isNull();
        assertThatCode(errors::throwIfAny).doesNotThrowAnyException();
    }

    @Test
    void anUnknownEnumValueIsAnErrorNamingTheValueAndTheAllowedOnes() {
        Conversion errors = new Conversion();

        assertThat(errors.enumValue("direction", "outbound", Direction.class, "a direction")).isNull();

        assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.errors()).containsExactly(new FieldError("direction",
                        "'outbound' is not a direction; expected one of INBOUND, OUTBOUND")));
    }
}
