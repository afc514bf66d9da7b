package org.openpayloads.org.soql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpayloads.org.soql.Token.Kind;

class SoqlStringsTest {

    /** Values an attacker or an unlucky customer record might hold. */
    static Stream<String> awkwardValues() {
        return Stream.of("", "plain", "O'Brien", "x' OR Name != '", "\\' OR 1=1", "\\", "\\\\", "ends with \\",
                "'", "''", "\\'", "line\nbreak", "cr\rlf\r\n", "tab\there", "\b\f", "50% off", "snake_case", "\\%\\_",
                "quote \" inside", "unicode é 日本 😀 \u200b", "\u0000 nul", "%' OR Id != '", "') OR (Name = '",
                "' LIMIT 1", "x' AND Stripe_Customer_Id__c LIKE '%");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            abc            | 'abc'
            O'Brien        | 'O\\'Brien'
            a\\b           | 'a\\\\b'
            50%_           | '50%_'
            ""             | ''
            """)
    void quotesAValue(String value, String expected) {
        assertThat(SoqlStrings.quote(value)).isEqualTo(expected);
    }

    @Test
    void quotesControlCharactersAsEscapes() {
        assertThat(SoqlStrings.quote("a\nb\rc\td\be\ff")).isEqualTo("'a\\nb\\rc\\td\\be\\ff'");
        assertThat(SoqlStrings.quote("say \"hi\"")).isEqualTo("'say \"hi\"'");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("awkwardValues")
    void aQuotedValueReadsBackAsOneStringLiteralEqualToIt(String value) {
        List<Token> tokens = SoqlTokenizer.tokenize("x = " + SoqlStrings.quote(value) + " AND y = 1");

        assertThat(tokens).extracting(Token::kind).containsExactly(Kind.IDENTIFIER, Kind.OPERATOR, Kind.STRING,
                Kind.IDENTIFIER, Kind.IDENTIFIER, Kind.OPERATOR, Kind.NUMBER, Kind.END);
        assertThat(tokens.get(2).value()).isEqualTo(value);
    }

    static List<Arguments> escapes() {
        return List.of(Arguments.of('n', (int) '\n'), Arguments.of('N', (int) '\n'), Arguments.of('r', (int) '\r'),
                Arguments.of('R', (int) '\r'), Arguments.of('t', (int) '\t'), Arguments.of('T', (int) '\t'),
                Arguments.of('b', (int) '\b'), Arguments.of('B', (int) '\b'), Arguments.of('f', (int) '\f'),
                Arguments.of('F', (int) '\f'), Arguments.of('"', (int) '"'), Arguments.of('\'', (int) '\''),
                Arguments.of('\\', (int) '\\'), Arguments.of('%', (int) '%'), Arguments.of('_', (int) '_'),
                Arguments.of('a', SoqlStrings.ILLEGAL), Arguments.of('u', SoqlStrings.ILLEGAL),
                Arguments.of('0', SoqlStrings.ILLEGAL), Arguments.of(' ', SoqlStrings.ILLEGAL),
                Arguments.of('x', SoqlStrings.ILLEGAL));
    }

    @ParameterizedTest(name = "\\{0}")
    @MethodSource("escapes")
    void unescapesSoqlSequencesOnly(char escaped, int expected) {
        assertThat(SoqlStrings.unescape(escaped)).isEqualTo(expected);
    }
}
