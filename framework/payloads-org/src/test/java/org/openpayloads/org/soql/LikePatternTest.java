package org.openpayloads.org.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LikePatternTest {

    /** Patterns as written in a query, quotes and SOQL escapes included; values with \n for a newline. */
    @ParameterizedTest(name = "{0} LIKE {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', emptyValue = "", textBlock = """
            'Acme'         | acme          | true
            'Acme'         | Acme Corp     | false
            'Ac%'          | Acme Corp     | true
            '%corp'        | Acme Corp     | true
            '%me%'         | Acme          | true
            '%me%'         | Ace           | false
            'A_me'         | Acme          | true
            'A_me'         | Ame           | false
            'A_me'         | Accme         | false
            '_'            | ""            | false
            '_'            | x             | true
            '%'            | ""            | true
            '%%%'          | anything      | true
            ''             | ""            | true
            ''             | a             | false
            '50\\%'        | 50%           | true
            '50\\%'        | 500           | false
            '50%'          | 500           | true
            'a\\_b'        | a_b           | true
            'a\\_b'        | axb           | false
            'a_b'          | axb           | true
            'a%b%c'        | aXXbYYc       | true
            'a%b%c'        | aXXcYYb       | false
            '%a%a%a%b'     | aaaaaaa       | false
            '%ab'          | aab           | true
            'a%'           | a\\nb         | true
            'a\\nb'        | a\\nb         | true
            'a\\\\b'       | a\\b          | true
            'a\\\\%'       | a\\xyz        | true
            'a\\\\%'       | axyz          | false
            'it\\'s%'      | It's here     | true
            'é_'           | ÉX            | true
            '_'            | 😀            | true
            '😀_'          | 😀a           | true
            '__'           | 😀            | false
            'STRASSE'      | strasse       | true
            """)
    void matchesLikeSalesforce(String pattern, String value, boolean expected) {
        assertThat(LikePattern.compile(pattern).matches(value.replace("\\n", "\n"))).isEqualTo(expected);
    }

    @Test
    @Timeout(2)
    void aHostilePatternCannotRunAway() {
        LikePattern pattern = LikePattern.compile("'" + "%a".repeat(2_000) + "%b'");

        assertThat(pattern.matches("a".repeat(20_000))).isFalse();
        assertThat(pattern.matches("a".repeat(20_000) + "b")).isTrue();
        assertThat(pattern.matches("a".repeat(1_999) + "b")).isFalse();
    }

    @Test
    void acceptsOnlyStringLiterals() {
        assertThatThrownBy(() -> LikePattern.compile("abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a string literal: abc");
        assertThatThrownBy(() -> LikePattern.compile("'")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LikePattern.compile("'\\q'")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Illegal escape in '\\q'");
    }
}
