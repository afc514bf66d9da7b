package org.openpayloads.org.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpayloads.org.soql.Token.Kind;

class SoqlTokenizerTest {

    /** Each token as KIND:text, space-separated, without the END token. */
    private static String kinds(String soql) {
        List<Token> tokens = SoqlTokenizer.tokenize(soql);
        assertThat(tokens.get(tokens.size() - 1).kind()).isEqualTo(Kind.END);
        return tokens.subList(0, tokens.size() - 1).stream().map(t -> t.kind() + ":" + t.text())
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            SELECT Id FROM Account           | IDENTIFIER:SELECT IDENTIFIER:Id IDENTIFIER:FROM IDENTIFIER:Account
            a.b , ( ) :x                     | IDENTIFIER:a DOT:. IDENTIFIER:b COMMA:, LEFT_PAREN:( RIGHT_PAREN:) COLON:: IDENTIFIER:x
            = != <> < > <= >=                | OPERATOR:= OPERATOR:!= OPERATOR:<> OPERATOR:< OPERATOR:> OPERATOR:<= OPERATOR:>=
            a<=b                             | IDENTIFIER:a OPERATOR:<= IDENTIFIER:b
            Stripe_Customer_Id__c            | IDENTIFIER:Stripe_Customer_Id__c
            ns__Field__c                     | IDENTIFIER:ns__Field__c
            42 -7 +3 1.50 -0.5               | NUMBER:42 NUMBER:-7 NUMBER:+3 NUMBER:1.50 NUMBER:-0.5
            2024-01-31                       | DATE:2024-01-31
            2024-01-31T10:00:00Z             | DATETIME:2024-01-31T10:00:00Z
            2024-01-31T10:00:00.123+01:00    | DATETIME:2024-01-31T10:00:00.123+01:00
            2024-01-31T10:00:00-0500         | DATETIME:2024-01-31T10:00:00-0500
            LAST_N_DAYS:7                    | IDENTIFIER:LAST_N_DAYS COLON:: NUMBER:7
            "'it''s'"                        | STRING:'it' STRING:'s'
            * ; ! @                          | SYMBOL:* SYMBOL:; SYMBOL:! SYMBOL:@
            "  \t\n Id \r\n"                 | IDENTIFIER:Id
            ""                               | ""
            """)
    void splitsQueriesIntoTokens(String soql, String expected) {
        assertThat(kinds(soql.replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r")))
                .isEqualTo(expected);
    }

    static List<Arguments> literalValues() {
        return List.of(
                Arguments.of("'abc'", "abc"),
                Arguments.of("''", ""),
                Arguments.of("'O\\'Brien'", "O'Brien"),
                Arguments.of("'back\\\\slash'", "back\\slash"),
                Arguments.of("'a\\nb\\Nc'", "a\nb\nc"),
                Arguments.of("'\\r\\R\\t\\T\\b\\B\\f\\F'", "\r\r\t\t\b\b\f\f"),
                Arguments.of("'say \\\"hi\\\"'", "say \"hi\""),
                Arguments.of("'50\\% off\\_now'", "50% off_now"),
                Arguments.of("'raw\nnewline'", "raw\nnewline"),
                Arguments.of("'héllo 日本 😀'", "héllo 日本 😀"),
                Arguments.of("42", new BigDecimal("42")),
                Arguments.of("-1.25", new BigDecimal("-1.25")),
                Arguments.of("2024-02-29", LocalDate.of(2024, 2, 29)),
                Arguments.of("2024-01-31T10:00:00Z", OffsetDateTime.parse("2024-01-31T10:00:00Z")),
                Arguments.of("2024-01-31T10:00:00.5+01:00", OffsetDateTime.parse("2024-01-31T10:00:00.5+01:00")),
                Arguments.of("2024-01-31t10:00:00z", OffsetDateTime.parse("2024-01-31T10:00:00Z")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("literalValues")
    void decodesLiterals(String soql, Object expected) {
        Token token = SoqlTokenizer.tokenize(soql).get(0);

        assertThat(token.value()).isEqualTo(expected);
        assertThat(token.text()).isEqualTo(soql);
        assertThat(token.position()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "x = 'abc"                         | 4  | unterminated string literal: the closing quote is missing
            "x = 'abc\\"                       | 4  | unterminated string literal
            "x = 'a\\qb'"                      | 6  | Illegal character sequence '\\q' in string literal
            "x = '\\u0041'"                    | 5  | Illegal character sequence '\\u' in string literal
            x = 2024-02-30                     | 4  | invalid date '2024-02-30'
            x = 2024-13-01                     | 4  | invalid date '2024-13-01'
            x = 2024-01-31T10:00:00            | 4  | invalid dateTime literal: expected YYYY-MM-DDThh:mm:ss followed by Z or an offset
            x = 2024-01-31T25:00:00Z           | 4  | invalid dateTime '2024-01-31T25:00:00Z'
            x = 2024-01-31T10:00:00+19:00      | 4  | invalid dateTime '2024-01-31T10:00:00+19:00'
            x = 12345678901234567890123456789012345678901 | 4 | number literal too long
            """)
    void rejectsWhatCannotBeAToken(String soql, int column, String reason) {
        assertThatThrownBy(() -> SoqlTokenizer.tokenize(soql))
                .isInstanceOfSatisfying(SoqlException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(SoqlException.MALFORMED_QUERY);
                    assertThat(e.getMessage()).contains("ERROR at Row:1:Column:" + (column + 1)).contains(reason);
                });
    }

    @Test
    void positionsCountFromZeroAcrossLines() {
        List<Token> tokens = SoqlTokenizer.tokenize("SELECT Id\nFROM Account");

        assertThat(tokens).extracting(Token::position).containsExactly(0, 7, 10, 15, 22);
    }

    @Test
    void aMillionCharacterLiteralIsOneToken() {
        String value = "x".repeat(1_000_000);

        List<Token> tokens = SoqlTokenizer.tokenize("'" + value + "'");

        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(0).value()).isEqualTo(value);
    }
}
