package org.openpayloads.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void shortensLongTextAndSaysHowLongItWas() {
        assertThat(Texts.shorten("key")).isEqualTo("key");
        assertThat(Texts.shorten("k".repeat(80))).isEqualTo("k".repeat(80));
        assertThat(Texts.shorten("k".repeat(81))).isEqualTo("k".repeat(80) + "... (81 characters)");
    }
}
