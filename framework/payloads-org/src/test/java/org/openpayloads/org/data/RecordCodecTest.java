package org.openpayloads.org.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.FieldType;
import org.openpayloads.org.schema.ObjectDefinition;

class RecordCodecTest {

    private static FieldDefinition field(String name, FieldType type) {
        return new FieldDefinition(name, name, type, 80, 18, 2, false, false, false, false, true, false, List.of(),
                false, null, null, null, false);
    }

    private static final ObjectDefinition THING = new ObjectDefinition("Thing__c", "Thing", "Things", "a00", true,
            List.of(field("Text__c", FieldType.STRING), field("Flag__c", FieldType.BOOLEAN),
                    field("Amount__c", FieldType.CURRENCY), field("Day__c", FieldType.DATE),
                    field("At__c", FieldType.DATETIME)));

    @Test
    void typedValuesRoundTripThroughTheDataColumn() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Text__c", "héllo \"x\"");
        values.put("Flag__c", true);
        values.put("Amount__c", new BigDecimal("10.50"));
        values.put("Day__c", LocalDate.of(2024, 2, 29));
        values.put("At__c", OffsetDateTime.parse("2024-02-29T10:00:00+02:00"));
        String json = RecordCodec.encode(values);
        assertThat(json).contains("\"Amount__c\":10.50", "\"At__c\":\"2024-02-29T08:00:00Z\"");
        Map<String, Object> back = RecordCodec.decode(json, THING);
        assertThat(back).containsEntry("Text__c", "héllo \"x\"").containsEntry("Flag__c", true)
                .containsEntry("Day__c", LocalDate.of(2024, 2, 29));
        assertThat((BigDecimal) back.get("Amount__c")).isEqualByComparingTo("10.5");
        assertThat(((OffsetDateTime) back.get("At__c")).toInstant()).isEqualTo(OffsetDateTime.parse(
                "2024-02-29T08:00:00Z").toInstant());
    }

    @Test
    void valuesOfDeletedFieldsAreSkippedAndOtherTypesRefused() {
        assertThat(RecordCodec.decode("{\"Gone__c\": 1, \"text__c\": \"wrong case\"}", THING)).isEmpty();
        assertThatThrownBy(() -> RecordCodec.encode(Map.of("X__c", new Object())))
                .hasMessageContaining("Field X__c holds a java.lang.Object");
        assertThatThrownBy(() -> RecordCodec.decode("not json", THING)).hasMessageContaining("not JSON");
    }
}
