package org.openpayloads.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.MappingException;

class FunctionsTest {

    private static final TestContext CHARGE = TestContext.payload("""
            {"data": {"object": {
              "amount": 1999, "currency": "usd", "created": 1700000000, "name": "  Ada Lovelace  ",
              "tags": ["a", "b", null, 3], "nested": {"x": 1}
            }}}
            """);

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            concat('a', 1.50, null, true)                       => a1.50true
            concat($.data.object.name, '|')                     => `  Ada Lovelace  |`
            upper('abc')                                        => ABC
            upper(null)                                         => null
            upper(12)                                           => 12
            lower('ÀB')                                         => àb
            trim($.data.object.name)                            => Ada Lovelace
            substring('hello', 1, 3)                            => el
            substring('hello', 2)                               => llo
            substring('hello', -5, 99)                          => hello
            substring('hello', 4, 1)                            => ``
            substring(null, 1)                                  => null
            replace('a-b-c', '-', '+')                          => a+b+c
            replace('a.b', '.', '')                             => ab
            replace('abc', '', 'x')                             => abc
            replace(null, 'a', 'b')                             => null
            coalesce(null, $.data.object.missing, 'x', 'y')     => x
            coalesce(null)                                      => null
            if(true, 'yes', 'no')                               => yes
            if(null, 'yes', 'no')                               => no
            if($.data.object.amount > 1000, 'big', upper($.data.object.tags)) => big
            now()                                               => 2026-11-25T23:30:45Z
            today()                                             => 2026-11-26
            parseDate('25/11/2026', 'dd/MM/yyyy')               => 2026-11-25
            parseDate('2026-11-25 23:30 +0000', 'yyyy-MM-dd HH:mm Z')        => 2026-11-26
            parseDate('2026-11-25 23:30 +0000', 'yyyy-MM-dd HH:mm Z', 'UTC') => 2026-11-25
            parseDate(null, 'dd/MM/yyyy')                       => null
            formatDate('2026-11-25', 'dd.MM.yyyy')              => 25.11.2026
            formatDate('2026-11-25T23:30:00Z', 'yyyy-MM-dd HH:mm')                     => 2026-11-26 00:30
            formatDate('2026-11-25T23:30:00Z', 'yyyy-MM-dd HH:mm', 'America/New_York') => 2026-11-25 18:30
            formatDate('2026-11-25T23:30:00', 'HH:mm')          => 23:30
            formatDate(null, 'yyyy')                            => null
            unixToDatetime($.data.object.created)               => 2023-11-14T22:13:20Z
            unixToDatetime('0')                                 => 1970-01-01T00:00:00Z
            unixToDatetime(null)                                => null
            formatNumber(1234.5, '#,##0.00')                    => 1,234.50
            formatNumber(0.125, '0.00')                         => 0.13
            formatNumber('7', '000')                            => 007
            minorToDecimal($.data.object.amount, $.data.object.currency) => 19.99
            minorToDecimal(1000, 'JPY')                         => 1000
            minorToDecimal(null, 'USD')                         => null
            split('a,b,,c', ',')                                => [a, b, , c]
            split('a::b', '::')                                 => [a, b]
            join(split('a,b', ','), '-')                        => a-b
            item(split('Jenny Rosen', ' '), 0)                  => Jenny
            item(split('Jenny Rosen', ' '), -1)                 => Rosen
            item(split('Cher', ' '), -2)                        => null
            item($.data.object.tags, 3)                         => 3
            item(null, 0)                                       => null
            join($.data.object.tags, '|')                       => a|b||3
            length('héllo')                                     => 5
            length($.data.object.tags)                          => 4
            length(null)                                        => 0
            isBlank('  ')                                       => true
            isBlank(null)                                       => true
            isBlank('x')                                        => false
            """)
    void computes(String source, String expected) {
        assertThat(Render.of(CHARGE.eval(source))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            upper($.data.object.tags)       => function 'upper', argument 1: expected text, got a list [a, b, null, 3]
            lower($.data.object.nested)     => function 'lower', argument 1: expected text, got an object {"x":1}
            trim($.data.object.nested)      => function 'trim', argument 1: expected text, got an object {"x":1}
            concat('a', $.data.object.nested) => function 'concat', argument 2: expected text, got an object {"x":1}
            substring('abc', 'x')           => function 'substring', argument 2: expected a number, got text 'x'
            substring('abc', 1.5)           => function 'substring', argument 2: expected a whole number, got number 1.5
            substring('abc', 0, null)       => function 'substring', argument 3: expected a whole number, got null
            replace('a', null, 'b')         => function 'replace', argument 2: expected text, got null
            if('yes', 1, 2)                 => function 'if', argument 1: expected true, false or null, got text 'yes'
            parseDate('2026-13-45', 'yyyy-MM-dd') => function 'parseDate', argument 1: expected a date matching the pattern 'yyyy-MM-dd', got text '2026-13-45'
            parseDate('2026', concat('bb')) => function 'parseDate', argument 2: expected a java.time pattern such as yyyy-MM-dd, got text 'bb'
            parseDate('2026-11-25', 'yyyy-MM-dd', concat('Mars/Base')) => function 'parseDate', argument 3: expected a time zone such as Europe/Paris, got text 'Mars/Base'
            formatDate('tomorrow', 'yyyy')  => function 'formatDate', argument 1: expected an ISO date or datetime such as 2026-11-25 or 2026-11-25T17:55:00Z, got text 'tomorrow'
            formatDate('2026-11-25', 'HH:mm') => function 'formatDate', argument 2: expected a pattern that fits text '2026-11-25' (Unsupported field: HourOfDay), got text 'HH:mm'
            unixToDatetime(1.5)             => function 'unixToDatetime', argument 1: expected whole epoch seconds within the years -999999999 to 999999999, got number 1.5
            unixToDatetime('soon')          => function 'unixToDatetime', argument 1: expected a number, got text 'soon'
            formatNumber('abc', '0')        => function 'formatNumber', argument 1: expected a number, got text 'abc'
            formatNumber(1, concat('0.0.0')) => function 'formatNumber', argument 2: expected a DecimalFormat pattern such as #,##0.00, got text '0.0.0'
            minorToDecimal(100, concat('XYZ')) => function 'minorToDecimal', argument 2: Unknown currency 'XYZ': expected an ISO 4217 code such as USD
            minorToDecimal(100, null)       => function 'minorToDecimal', argument 2: expected an ISO 4217 currency code such as USD, got null
            minorToDecimal('ten', 'USD')    => function 'minorToDecimal', argument 1: expected a number, got text 'ten'
            split('a', concat(''))          => function 'split', argument 2: expected a separator that is not empty, got text ''
            join('a', ',')                  => function 'join', argument 1: expected a list, got text 'a'
            item('a', 0)                    => function 'item', argument 1: expected a list, got text 'a'
            item(split('a', ','), 0.5)      => function 'item', argument 2: expected a whole number, got number 0.5
            length($.data.object.nested)    => function 'length', argument 1: expected text or a list, got an object {"x":1}
            isBlank($.data.object.tags)     => function 'isBlank', argument 1: expected text, got a list [a, b, null, 3]
            """)
    void refusesBadArguments(String source, String message) {
        Expression expression = Expressions.compile(source);
        assertThatThrownBy(() -> expression.evaluate(CHARGE))
                .isInstanceOf(MappingException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            upper()                  => wrong number of arguments for 'upper' at column 1; expected 1, got 0
            now(1)                   => wrong number of arguments for 'now' at column 1; expected 0, got 1
            substring('a')           => wrong number of arguments for 'substring' at column 1; expected 2 or 3, got 1
            concat()                 => wrong number of arguments for 'concat' at column 1; expected at least 1, got 0
            if(true, 1)              => wrong number of arguments for 'if' at column 1; expected 3, got 2
            """)
    void checksArityWhenCompiling(String source, String message) {
        assertThatThrownBy(() -> Expressions.compile(source))
                .isInstanceOf(ConfigException.class)
                .hasMessage("value: " + message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            parseDate($.date, 'bb')                 => bad argument 2 of 'parseDate' at column 19: expected a java.time pattern such as yyyy-MM-dd, got text 'bb'
            formatDate($.date, 'yyyy', 'Mars/Base') => bad argument 3 of 'formatDate' at column 28: expected a time zone such as Europe/Paris, got text 'Mars/Base'
            formatNumber($.n, '0.0.0')              => bad argument 2 of 'formatNumber' at column 19: expected a DecimalFormat pattern such as #,##0.00, got text '0.0.0'
            minorToDecimal($.n, 'XYZ')              => bad argument 2 of 'minorToDecimal' at column 21: expected an ISO 4217 currency code such as USD, got text 'XYZ'
            split($.s, '')                          => bad argument 2 of 'split' at column 12: expected a separator that is not empty, got text ''
            """)
    void checksLiteralArgumentsWhenCompiling(String source, String message) {
        assertThatThrownBy(() -> Expressions.compile(source))
                .isInstanceOf(ConfigException.class)
                .hasMessage("value: " + message);
    }

    @Test
    void numberReadsTheNumberATextHolds() {
        assertThat(Expressions.compile("number('0042') > 9").evaluate(TestContext.empty())).isEqualTo(true);
        assertThat(Expressions.compile("number(' -19.99 ')").evaluate(TestContext.empty()))
                .isEqualTo(new java.math.BigDecimal("-19.99"));
        assertThat(Expressions.compile("number(' ')").evaluate(TestContext.empty())).isNull();
        assertThat(Expressions.compile("number(null)").evaluate(TestContext.empty())).isNull();
        assertThatThrownBy(() -> Expressions.compile("number('two')").evaluate(TestContext.empty()))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("function 'number', argument 1").hasMessageContaining("two");
    }

    @Test
    void documentsEveryFunction() {
        assertThat(Functions.docs()).extracting(Functions.Doc::name).containsExactly("coalesce", "concat",
                "formatDate", "formatNumber", "if", "isBlank", "item", "join", "length", "lower", "minorToDecimal", "now", "number",
                "parseDate", "replace", "split", "substring", "today", "trim", "unixToDatetime", "upper");
        assertThat(Functions.docs()).allSatisfy(doc -> {
            assertThat(doc.signature()).startsWith(doc.name() + "(");
            assertThat(doc.arity()).isNotBlank();
            assertThat(doc.description()).hasSizeGreaterThan(20).endsWith(".");
        });
    }

    @Test
    void evaluatesOnlyTheBranchIfTakesAndStopsCoalesceAtTheFirstValue() {
        assertThat(CHARGE.eval("if(false, upper($.data.object.tags), 'safe')")).isEqualTo("safe");
        assertThat(CHARGE.eval("coalesce('first', upper($.data.object.tags))")).isEqualTo("first");
    }
}
