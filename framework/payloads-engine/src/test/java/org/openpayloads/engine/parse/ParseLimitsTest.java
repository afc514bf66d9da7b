package org.openpayloads.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParseLimitsTest {

    @Test
    void hasTheDocumentedDefaults() {
        assertThat(ParseLimits.DEFAULTS).isEqualTo(new ParseLimits(200, 32, 10_000));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void refusesLimitsBelowOne(int value) {
        assertThatThrownBy(() -> new ParseLimits(value, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxDepth was " + value + "; expected at least 1");
        assertThatThrownBy(() -> new ParseLimits(1, value, 1)).hasMessageStartingWith("maxKeyBrackets was");
        assertThatThrownBy(() -> new ParseLimits(1, 1, value)).hasMessageStartingWith("maxFields was");
    }
}
