package org.openpayloads.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpayloads.api.MappingException;

class NodesTest {

    private static final TestContext ORDER = TestContext.payload("""
            {"total": 10.50, "paid": true, "note": null, "lines": [1, 2]}
            """);

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            1 == 1.00            => true
            $.total == 10.5      => true
            'a' == 'a'           => true
            '1' == 1             => false
            null == null         => true
            $.note == null       => true
            $.missing == null    => true
            $.paid != false      => true
            1 != 2               => true
            2 < 10               => true
            '2' < '10'           => false
            2 <= 2               => true
            3 >= 4               => false
            -1.5 > -2            => true
            '2026-11-26' > '2026-11-25' => true
            null < 1             => false
            $.missing >= 0       => false
            true && null         => false
            null || true         => true
            !null                => true
            !$.paid              => false
            """)
    void evaluatesOperators(String source, String expected) {
        assertThat(Render.of(ORDER.eval(source))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            1 < 'a'          => operator '<': expected two numbers or two texts, got number 1 and text 'a'
            $.lines > 1      => operator '>': expected two numbers or two texts, got a list [1, 2] and number 1
            'x' && true      => operator '&&': expected true, false or null, got text 'x'
            false || 0       => operator '||': expected true, false or null, got number 0
            !1               => operator '!': expected true, false or null, got number 1
            """)
    void refusesOperandsOfTheWrongKind(String source, String message) {
        Expression expression = Expressions.compile(source);
        assertThatThrownBy(() -> expression.evaluate(ORDER))
                .isInstanceOf(MappingException.class)
                .hasMessage(message);
    }

    @Test
    void shortCircuits() {
        assertThat(ORDER.eval("false && 1 < 'a'")).isEqualTo(false);
        assertThat(ORDER.eval("true || 1 < 'a'")).isEqualTo(true);
    }
}
