package org.openpayloads.org.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgTesting;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.FieldType;

class ValueParserTest {

    private static FieldDefinition field(FieldType type, int length, int precision, int scale, List<String> picklist,
                                         boolean restricted) {
        return new FieldDefinition("F__c", "Label", type, length, precision, scale, false, false, false, false, true,
                false, picklist, restricted, type == FieldType.REFERENCE ? "Account" : null,
                type == FieldType.REFERENCE ? "F__r" : null, null, false);
    }

    private static FieldDefinition field(FieldType type) {
        return field(type, 10, 18, 2, List.of(), false);
    }

    private static ValueParser.Parsed parse(FieldDefinition field, String json) {
        JsonNode node = OrgTesting.parse("{\"v\": " + json + "}").get("v");
        return ValueParser.parse(field, node);
    }

    private static String code(FieldDefinition field, String json) {
        ValueParser.Parsed parsed = parse(field, json);
        assertThat(parsed.error()).as(json).isNotNull();
        return parsed.error().code();
    }

    @Test
    void textIsCheckedForLengthEmailAndRestrictedPicklists() {
        assertThat(parse(field(FieldType.STRING), "\"hello\"").value()).isEqualTo("hello");
        assertThat(parse(field(FieldType.STRING), "42").value()).isEqualTo("42");
        assertThat(parse(field(FieldType.STRING), "\"\"").value()).isNull();
        assertThat(parse(field(FieldType.STRING), "null").value()).isNull();
        assertThat(code(field(FieldType.STRING), "\"12345678901\"")).isEqualTo("STRING_TOO_LONG");
        assertThat(parse(field(FieldType.STRING), "\"12345678901\"").error().message())
                .isEqualTo("Label: data value too large: 12345678901 (max length=10)");
        assertThat(code(field(FieldType.STRING), "{\"a\": 1}")).isEqualTo("JSON_PARSER_ERROR");
        assertThat(code(field(FieldType.EMAIL, 80, 0, 0, List.of(), false), "\"x@y\"")).isEqualTo(
                "INVALID_EMAIL_ADDRESS");
        FieldDefinition restricted = field(FieldType.PICKLIST, 40, 0, 0, List.of("A", "B"), true);
        assertThat(parse(restricted, "\"A\"").value()).isEqualTo("A");
        assertThat(code(restricted, "\"C\"")).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertThat(parse(field(FieldType.PICKLIST, 40, 0, 0, List.of("A"), false), "\"C\"").value()).isEqualTo("C");
    }

    @Test
    void booleansMustBeJsonBooleans() {
        assertThat(parse(field(FieldType.BOOLEAN), "true").value()).isEqualTo(true);
        assertThat(parse(field(FieldType.BOOLEAN), "null").value()).isEqualTo(false);
        assertThat(parse(field(FieldType.BOOLEAN), "\"true\"").error().message())
                .startsWith("Cannot deserialize instance of boolean from VALUE_STRING value true");
        assertThat(code(field(FieldType.BOOLEAN), "1")).isEqualTo("JSON_PARSER_ERROR");
    }

    @Test
    void numbersAreScaledAndRangeChecked() {
        assertThat((BigDecimal) parse(field(FieldType.CURRENCY), "10.555").value()).isEqualByComparingTo("10.56");
        assertThat((BigDecimal) parse(field(FieldType.DOUBLE), "\"12.5\"").value()).isEqualByComparingTo("12.5");
        assertThat(code(field(FieldType.DOUBLE), "\"twelve\"")).isEqualTo("JSON_PARSER_ERROR");
        assertThat(code(field(FieldType.CURRENCY, 0, 5, 2, List.of(), false), "1234.5"))
                .isEqualTo("NUMBER_OUTSIDE_VALID_RANGE");
        assertThat(code(field(FieldType.INT, 0, 9, 0, List.of(), false), "1.5")).isEqualTo("JSON_PARSER_ERROR");
        assertThat((BigDecimal) parse(field(FieldType.INT, 0, 9, 0, List.of(), false), "7").value())
                .isEqualByComparingTo("7");
        assertThat(code(field(FieldType.INT), "true")).isEqualTo("JSON_PARSER_ERROR");
    }

    @Test
    void datesAndDateTimesInTheFormsClientsSend() {
        assertThat(parse(field(FieldType.DATE), "\"2024-02-29\"").value()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(parse(field(FieldType.DATE), "\"2024-02-29T10:00:00Z\"").value()).isEqualTo(LocalDate.of(2024, 2,
                29));
        assertThat(code(field(FieldType.DATE), "\"2024-02-30\"")).isEqualTo("JSON_PARSER_ERROR");
        assertThat(code(field(FieldType.DATE), "20240229")).isEqualTo("JSON_PARSER_ERROR");
        OffsetDateTime expected = OffsetDateTime.parse("2011-07-07T00:37:00Z");
        for (String form : List.of("\"2011-07-07T00:37:00.000+0000\"", "\"2011-07-07T00:37:00Z\"",
                "\"2011-07-07T02:37:00+02:00\"", "\"2011-07-07T00:37\"")) {
            assertThat(((OffsetDateTime) parse(field(FieldType.DATETIME), form).value()).toInstant())
                    .as(form).isEqualTo(expected.toInstant());
        }
        assertThat(code(field(FieldType.DATETIME), "\"yesterday\"")).isEqualTo("JSON_PARSER_ERROR");
    }

    @Test
    void referencesMustBeIds() {
        assertThat(parse(field(FieldType.REFERENCE), "\"0017e00001W4GYR\"").value()).isEqualTo("0017e00001W4GYRAA3");
        assertThat(parse(field(FieldType.REFERENCE), "\"oops\"").error().message())
                .isEqualTo("Label: id value of incorrect type: oops");
    }

    @Test
    void valuesFormatAndNormalizeAsSalesforceDoes() {
        assertThat(RecordJson.value(field(FieldType.CURRENCY), new BigDecimal("23")).toString()).isEqualTo("23.0");
        assertThat(RecordJson.value(field(FieldType.INT), new BigDecimal("8.00")).toString()).isEqualTo("8");
        assertThat(RecordJson.value(field(FieldType.DATETIME), OffsetDateTime.parse("2011-07-07T02:37:00+02:00"))
                .asText()).isEqualTo("2011-07-07T00:37:00.000+0000");
        assertThat(Values.normalize(field(FieldType.STRING), "MiXed")).isEqualTo("mixed");
        assertThat(Values.normalize(field(FieldType.DOUBLE), new BigDecimal("42.500"))).isEqualTo("42.5");
        assertThat(Values.normalize(field(FieldType.DOUBLE), new BigDecimal("0.00"))).isEqualTo("0");
        assertThat(Values.normalize(field(FieldType.REFERENCE), "001AbC")).isEqualTo("001AbC");
    }
}
