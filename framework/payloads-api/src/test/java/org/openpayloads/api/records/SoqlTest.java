package org.openpayloads.api.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SoqlTest {

    @Test
    void selectJoinsConditionsWithAndAndQuotesEveryValue() {
        var equals = new java.util.LinkedHashMap<String, Object>();
        equals.put("Email", "a'b@example.com");
        equals.put("LastName", null);
        assertThat(Soql.select("Contact", java.util.List.of("Id", "Account.Name"), equals, 2))
                .isEqualTo("SELECT Id, Account.Name FROM Contact WHERE Email = 'a\\'b@example.com' AND LastName = null"
                        + " LIMIT 2");
    }

    @Test
    void selectRefusesNamesThatAreNotApiNames() {
        assertThatThrownBy(() -> Soql.select("Contact", java.util.List.of("Id"), java.util.Map.of("Email = '' OR Id", "x"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field was 'Email = '' OR Id'");
        assertThatThrownBy(() -> Soql.select("Contact", java.util.List.of(), java.util.Map.of("Email", "x"), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Soql.select("Contact", java.util.List.of("Id"), java.util.Map.of("Email", "x"), 0))
                .hasMessage("limit was 0; expected 1 or more");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(Soql.quote("O'Brien")).isEqualTo("'O\\'Brien'");
        assertThat(Soql.quote("a\\b")).isEqualTo("'a\\\\b'");
        assertThat(Soql.quote("\"\n\r\t\b\f")).isEqualTo("'\\\"\\n\\r\\t\\b\\f'");
        assertThat(Soql.quote("bell\u0007")).isEqualTo("'bell\\u0007'");
        assertThat(Soql.quote("Zürich – 東京")).isEqualTo("'Zürich – 東京'");
    }

    @Test
    void everyEscapedValueReadsBackWhole() {
        for (String value : new String[] {"", "'", "\\", "\\'", "''", "x' OR Name != '", "\\' OR 1=1 --", "a\u0000b"}) {
            assertThat(Soql.unquote(Soql.quote(value))).isEqualTo(value);
        }
    }

    @Test
    void writesOtherValuesAsSoqlLiterals() {
        assertThat(Soql.literal(42)).isEqualTo("42");
        assertThat(Soql.literal(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Soql.literal(0.1d)).isEqualTo("0.1");
        assertThat(Soql.literal(true)).isEqualTo("true");
        assertThat(Soql.literal(LocalDate.of(2026, 11, 20))).isEqualTo("2026-11-20");
        assertThat(Soql.literal(Instant.parse("2026-11-20T10:15:30Z"))).isEqualTo("2026-11-20T10:15:30Z");
        assertThat(Soql.literal(OffsetDateTime.of(2026, 11, 20, 11, 15, 30, 0, ZoneOffset.ofHours(1))))
                .isEqualTo("2026-11-20T10:15:30Z");
        assertThatThrownBy(() -> Soql.literal(Double.NaN)).hasMessageContaining("expected a finite number");
        assertThatThrownBy(() -> Soql.literal(new Object())).hasMessageContaining("cannot be a SOQL literal");
    }

    @Test
    void namesMustBeApiNames() {
        assertThat(Soql.findId("Contact", "Account.External_Id__c", "A-1"))
                .isEqualTo("SELECT Id FROM Contact WHERE Account.External_Id__c = 'A-1' LIMIT 2");
        assertThatThrownBy(() -> Soql.findId("Account WHERE 1=1", "Name", "x"))
                .hasMessageStartingWith("object was 'Account WHERE 1=1'; expected an API name");
        assertThatThrownBy(() -> Soql.findId("Account", "Name = 'x' OR Name", "x"))
                .hasMessageStartingWith("field was 'Name = 'x' OR Name'; expected an API name");
    }
}
