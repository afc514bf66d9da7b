package org.openpayloads.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordOperationTest {

    @Test
    void keepsAnOrderedCopyOfItsValuesNullsIncluded() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Name", "Acme");
        fields.put("Phone", null);
        fields.put("AccountNumber", "A-1");

        RecordOperation operation = new RecordOperation("account", 0, "Account", Action.UPDATE, null, "001",
                Map.of("Id", "001"), fields, null);
        fields.clear();

        assertThat(operation.fields()).containsExactly(entry("Name", "Acme"), entry("Phone", null),
                entry("AccountNumber", "A-1"));
        assertThatThrownBy(() -> operation.fields().put("Site", "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> operation.match().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
