package org.openpayloads.org.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void malformedBodiesSayWhereTheyStopped() {
        assertThatThrownBy(() -> Json.parse(bytes("{\"a\": }"))).isInstanceOf(Json.Malformed.class)
                .hasMessageContaining("Unexpected character").hasMessageContaining("[line:1, column:7]");
        assertThatThrownBy(() -> Json.parse(new byte[0])).hasMessageContaining("No content");
        assertThatThrownBy(() -> Json.parse(bytes("{} {}"))).isInstanceOf(Json.Malformed.class);
        assertThatThrownBy(() -> Json.parse(bytes("{\"a\": 1, \"a\": 2}"))).hasMessageContaining("Duplicate field");
    }

    @Test
    void numbersKeepTheirDigits() throws Exception {
        assertThat(Json.parse(bytes("{\"a\": 0.1000}")).get("a").decimalValue().toPlainString()).isEqualTo("0.1000");
        assertThat(new String(Json.bytes(Json.parse(bytes("{\"a\": 23.0}"))), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":23.0}");
    }
}
