package org.openpayloads.org.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgTesting;

class SalesforceIdTest {

    private static final JsonNode VECTORS = OrgTesting.parse(OrgTesting.fixture("id-vectors.json"));

    @Test
    void everyRecordedIdVerifiesAndIsCanonical() {
        for (JsonNode id : VECTORS.get("recorded_ids")) {
            assertThat(SalesforceId.parse(id.asText())).as(id.asText()).map(SalesforceId::value).contains(id.asText());
        }
    }

    @Test
    void djangoVectorsGiveTheSuffixOfA15CharacterId() {
        for (JsonNode pair : VECTORS.get("django_salesforce_vectors")) {
            assertThat(SalesforceId.parse(pair.get(0).asText())).map(SalesforceId::value).contains(pair.get(1).asText());
        }
    }

    @Test
    void badIdsFail() {
        for (JsonNode id : VECTORS.get("bad_ids")) {
            assertThat(SalesforceId.parse(id.asText())).as(id.asText()).isEmpty();
        }
        assertThat(SalesforceId.parse("")).isEmpty();
        assertThat(SalesforceId.parse("001")).isEmpty();
        assertThat(SalesforceId.parse("0017e00001W4GYRAA")).isEmpty();
        assertThat(SalesforceId.parse("0017e00001W4GY-AA3")).isEmpty();
    }

    @Test
    void fifteenCharactersAreCaseSensitiveAndGetTheirSuffix() {
        assertThat(SalesforceId.parse("0017e00001W4GYR")).map(SalesforceId::value).contains("0017e00001W4GYRAA3");
        assertThat(SalesforceId.parse("0017e00001w4gyr").map(SalesforceId::value)).isNotEqualTo(
                SalesforceId.parse("0017e00001W4GYR").map(SalesforceId::value));
    }

    @Test
    void anIdWhoseCaseWasLostIsRestoredFromItsSuffix() {
        String id = "0017e00001W4GYRAA3";
        assertThat(SalesforceId.parse(id.toLowerCase(Locale.ROOT))).map(SalesforceId::value).contains(id);
        assertThat(SalesforceId.parse(id.toUpperCase(Locale.ROOT))).map(SalesforceId::value).contains(id);
    }

    @Test
    void madeIdsVerifyAndKeepTheirPrefixAndNumber() {
        SalesforceId id = SalesforceId.of("001", 62);
        assertThat(id.value()).hasSize(18).startsWith("001000000000010");
        assertThat(id.keyPrefix()).isEqualTo("001");
        assertThat(SalesforceId.parse(id.value())).contains(id);
        assertThat(SalesforceId.parse(id.id15())).contains(id);
        assertThat(SalesforceId.of("a00", 1).compareTo(SalesforceId.of("a00", 2))).isNegative();
    }

    @Test
    void constructionChecksTheValue() {
        assertThatThrownBy(() -> new SalesforceId("a1V3E000000EXomUAM")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a1V3E000000EXomUAM");
        assertThatThrownBy(() -> SalesforceId.of("01", 1)).hasMessageContaining("key prefix was '01'");
        assertThatThrownBy(() -> SalesforceId.of("001", -1)).hasMessageContaining("record number was -1");
    }
}
