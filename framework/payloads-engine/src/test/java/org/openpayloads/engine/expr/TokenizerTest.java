package org.openpayloads.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpayloads.api.ConfigException;
import org.openpayloads.engine.expr.Tokenizer.Kind;
import org.openpayloads.engine.expr.Tokenizer.Token;

class TokenizerTest {

    @Test
    void readsEscapesInBothQuotes() {
        assertThat(Tokenizer.tokenize("'it\\'s' \"a\\\"b\\n\\u00e9\\\\\\/\\t\\r\""))
                .extracting(Token::value)
                .containsExactly("it's", "a\"b\né\\/\t\r", null);
    }

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(textBlock = """
            0,       0
            -1.5e3,  -1.5E+3
            .5,      0.5
            12.25E-2, 0.1225
            """)
    void readsNumbers(String source, String expected) {
        assertThat(Tokenizer.tokenize(source).get(0).value()).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void endsAPathAtASeparatorOutsideBrackets() {
        assertThat(Tokenizer.tokenize("f($['a, b)'].c,@.price>=10)"))
                .extracting(Token::kind, Token::text, Token::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.NAME, "f", 1),
                        org.assertj.core.groups.Tuple.tuple(Kind.OPEN, "(", 2),
                        org.assertj.core.groups.Tuple.tuple(Kind.PATH, "$['a, b)'].c", 3),
                        org.assertj.core.groups.Tuple.tuple(Kind.COMMA, ",", 15),
                        org.assertj.core.groups.Tuple.tuple(Kind.PATH, "@.price", 16),
                        org.assertj.core.groups.Tuple.tuple(Kind.OPERATOR, ">=", 23),
                        org.assertj.core.groups.Tuple.tuple(Kind.NUMBER, "10", 25),
                        org.assertj.core.groups.Tuple.tuple(Kind.CLOSE, ")", 27),
                        org.assertj.core.groups.Tuple.tuple(Kind.END, "", 28));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            1e1234        => bad number '1e1234' at column 1; expected an exponent of 1 to 3 digits
            2e            => bad number '2e' at column 1; expected an exponent of 1 to 3 digits
            12abc         => bad number at column 1; expected digits, a '.' and an optional exponent
            1.2.3         => bad number at column 1; expected digits, a '.' and an optional exponent
            'a\\q'        => unknown escape '\\q' at column 3; expected one of \\\\ \\' \\" \\/ \\n \\r \\t \\uXXXX
            'a\\u12'      => bad escape at column 3; expected \\u and four hex digits
            'a\\          => unfinished escape at column 3; expected a character after \\
            "abc          => unterminated text at column 1; expected a closing "
            $['a          => unterminated text in path at column 1; expected a closing '
            a # b         => unexpected '#' at column 3; expected a value, a path, a function call or an operator
            a & b         => unexpected '&' at column 3; expected '&&'
            a | b         => unexpected '|' at column 3; expected '||'
            """)
    void reportsBadTokens(String source, String message) {
        assertThatThrownBy(() -> Tokenizer.tokenize(source))
                .isInstanceOf(ConfigException.class)
                .hasMessage("value: " + message);
    }
}
