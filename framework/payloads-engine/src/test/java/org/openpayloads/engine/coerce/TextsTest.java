package org.openpayloads.engine.coerce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextsTest {

    @ParameterizedTest(name = "{0} cut to {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            abc       | 5 | abc
            abcdef    | 3 | abc
            😀        | 1 | ''
            😀        | 2 | 😀
            a😀       | 2 | a
            é😀é      | 3 | é😀
            """)
    void cutsWithoutSplittingASurrogatePair(String text, int max, String expected) {
        assertThat(Texts.cut(text, max)).isEqualTo(expected);
    }
}
