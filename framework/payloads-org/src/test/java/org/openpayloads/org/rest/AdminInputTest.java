package org.openpayloads.org.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgTesting;
import org.openpayloads.org.schema.FieldSpec;

class AdminInputTest {

    @Test
    void everyWrongTypeAndUnknownPropertyIsNamedWithItsValue() {
        JsonNode body = OrgTesting.parse("""
                {"name": 5, "length": 1.5, "required": "yes", "picklistValues": ["a", 2], "extra": true,
                 "label": null}""");
        AdminInput input = new AdminInput();
        FieldSpec spec = AdminJson.fieldSpec(body, "fields[3].", input);
        assertThat(input.ok()).isFalse();
        assertThat(input.problems()).containsOnlyKeys("fields[3].extra", "fields[3].name", "fields[3].length",
                "fields[3].required", "fields[3].picklistValues[1]");
        assertThat(input.problems().get("fields[3].required")).isEqualTo("Expected true or false for 'required', "
                + "got \"yes\"");
        assertThat(input.problems().get("fields[3].extra")).startsWith("Unknown property 'extra'; expected one of");
        assertThat(spec.label()).isNull();
        assertThat(spec.picklistValues()).containsExactly("a");
    }

    @Test
    void wellTypedValuesAreRead() {
        AdminInput input = new AdminInput();
        JsonNode body = OrgTesting.parse("{\"n\": 7, \"big\": 5000000000, \"s\": \"x\", \"b\": false}");
        input.onlyKnown(body, "", Set.of("n", "big", "s", "b"));
        assertThat(input.integer(body, "n", "")).isEqualTo(7);
        assertThat(input.whole(body, "big", "")).isEqualTo(5_000_000_000L);
        assertThat(input.integer(body, "big", "")).isNull();
        assertThat(input.text(body, "s", "")).isEqualTo("x");
        assertThat(input.bool(body, "b", "")).isFalse();
        assertThat(input.texts(body, "missing", "")).isNull();
        assertThat(input.problems()).containsOnlyKeys("big");
    }
}
