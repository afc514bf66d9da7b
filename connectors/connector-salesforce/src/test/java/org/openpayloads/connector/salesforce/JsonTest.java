package org.openpayloads.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void convertsWriteValuesToWhatTheApiTakes() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("CloseDate", LocalDate.of(2026, 11, 20));
        fields.put("At__c", Instant.parse("2026-11-20T10:15:30Z"));
        fields.put("Offset__c", OffsetDateTime.of(2026, 11, 20, 11, 15, 30, 0, ZoneOffset.ofHours(1)));
        fields.put("Zoned__c", ZonedDateTime.of(2026, 11, 20, 11, 15, 30, 0, ZoneOffset.ofHours(1)));
        fields.put("Amount", 12.5f);
        fields.put("Account", Map.of("External_Id__c", "A-1"));
        fields.put("Blank__c", null);

        Map<String, Object> json = Json.fields("Opportunity", fields);

        assertThat(json).containsEntry("CloseDate", "2026-11-20").containsEntry("At__c", "2026-11-20T10:15:30Z")
                .containsEntry("Offset__c", "2026-11-20T11:15:30+01:00").containsEntry("Zoned__c", "2026-11-20T11:15:30+01:00")
                .containsEntry("Amount", new BigDecimal("12.5")).containsEntry("Account", Map.of("External_Id__c", "A-1"))
                .containsEntry("Blank__c", null);
        assertThat(new String(Json.bytes(Map.of("Amount", new BigDecimal("1E+3"))), StandardCharsets.UTF_8))
                .isEqualTo("{\"Amount\":1000}");
    }

    @Test
    void refusesWhatTheApiCannotTakeNamingTheField() {
        assertThatThrownBy(() -> Json.fields("Account", Map.of("Score__c", Double.POSITIVE_INFINITY)))
                .hasMessage("field 'Score__c' of Account was Infinity; expected a finite number");
        assertThatThrownBy(() -> Json.fields("Account", Map.of("Tags__c", java.util.List.of("a"))))
                .hasMessageStartingWith("field 'Tags__c' of Account has a value of type java.util.");
    }

    @Test
    void toleratesBodiesThatAreNotJson() {
        assertThat(Json.tree(new byte[0]).isMissingNode()).isTrue();
        assertThat(Json.tree("<html>".getBytes(StandardCharsets.UTF_8)).isMissingNode()).isTrue();
        assertThat(Json.plain(Json.tree("[1, 2.50, null, \"x\"]".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(java.util.Arrays.asList(1L, new BigDecimal("2.50"), null, "x"));
    }
}
