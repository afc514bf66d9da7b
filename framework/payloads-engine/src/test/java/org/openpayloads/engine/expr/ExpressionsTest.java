package org.openpayloads.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;

class ExpressionsTest {

    private static final String LABEL = "concat(upper($.data.object.currency), ' ', "
            + "minorToDecimal($.data.object.amount, $.data.object.currency))";

    private static final TestContext ITEMS = TestContext.payload("""
            {"a b": "spaced", "x)y": "odd", "items": [{"name": "pen", "price": 5}, {"name": "ink", "price": 12}],
             "data": {"object": {"billing_details": {"email": "ada@example.com"}}}}
            """);

    @ParameterizedTest(name = "{0} {1} => {2}")
    @CsvSource(textBlock = """
            1999, usd, USD 19.99
            1000, jpy, JPY 1000
            1999, kwd, KWD 1.999
            """)
    void labelsAStripeCharge(long amount, String currency, String expected) {
        TestContext charge = TestContext.payload("""
                {"type": "charge.succeeded", "data": {"object": {"amount": %d, "currency": "%s"}}}
                """.formatted(amount, currency));

        assertThat(Expressions.compile(LABEL).evaluate(charge)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            true || false && false                      => true
            (true || false) && false                    => false
            !false && false                             => false
            !(false && false)                           => true
            !true == false                              => true
            1 < 2 && 'b' > 'a'                          => true
            (1 < 2) == true                             => true
            $.items[0].name                             => pen
            $.items[1]['name']                          => ink
            $['a b']                                    => spaced
            $["x)y"]                                    => odd
            concat($['a b'], '!')                       => spaced!
            $.items[?(@.price > 10)].name               => [ink]
            length($.items[?(@.price < 100)])           => 2
            $.items[0].price>4                          => true
            $.data.object.billing_details.email != null => true
            $.data.object.billing_details.phone != null => false
            `  upper( 'a' )  `                          => A
            """)
    void followsPrecedenceAndReadsPaths(String source, String expected) {
        assertThat(Render.of(ITEMS.eval(source))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            concatt('a')   => unknown function 'concatt' at column 1; expected one of coalesce, concat, formatDate, formatNumber, if, isBlank, item, join, length, lower, minorToDecimal, now, number, parseDate, replace, split, substring, today, trim, unixToDatetime, upper
            concat('a', (1 == 2) => expected ',' or ')' at column 21
            (1 == 2        => expected ')' at column 8
            upper('a' 'b') => expected ',' or ')' at column 11
            upper 'a'      => expected '(' after 'upper' at column 7
            1 == 2 == 3    => comparisons cannot be chained at column 8; expected '&&' or '||' between two comparisons
            1 2            => unexpected '2' at column 3; expected an operator, ',' or ')' or the end of the expression
            upper('a'))    => unexpected ')' at column 11; expected an operator, ',' or ')' or the end of the expression
            ``             => expected a value, a path, a function call or '(' at column 1, found end of expression
            1 ==           => expected a value, a path, a function call or '(' at column 5, found end of expression
            $.a = 1        => unexpected '=' at column 5; expected '==' to compare
            $.a[0          => unclosed bracket in path at column 1; expected ']' or ')'
            `'abc`         => unterminated text at column 1; expected a closing '
            """)
    void reportsWhereAndWhatWasExpected(String source, String message) {
        assertThatThrownBy(() -> Expressions.compile(source))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("value", message)));
    }

    @Test
    void reportsABadPathWithJsonPathsReason() {
        assertThatThrownBy(() -> Expressions.compile("upper($..)"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("value: bad path at column 7: '$..' is not a valid JSONPath (");
    }

    @Test
    void listsEveryPathItReadsOnceInTheOrderWritten() {
        Expression expression = Expressions.compile(
                "if(!isBlank($.a) && $.b > 1 || $.a == @.c, concat($.d, upper($.a)), $.e)");

        assertThat(Expressions.paths(expression)).containsExactly("$.a", "$.b", "@.c", "$.d", "$.e");
        assertThat(Expressions.paths(Expressions.compile("now()"))).isEmpty();
    }

    @Test
    void capsTheLength() {
        String longest = "'" + "x".repeat(Expressions.MAX_LENGTH - 2) + "'";

        assertThat(Expressions.compile(longest).evaluate(ITEMS)).asString().hasSize(3998);
        assertThatThrownBy(() -> Expressions.compile(longest + " "))
                .isInstanceOf(ConfigException.class)
                .hasMessage("value: is 4001 characters long; expected at most 4000");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            '(',      ')'
            'upper(', ')'
            '!',      ''
            """)
    void capsTheNesting(String open, String close) {
        String deepest = open.repeat(Expressions.MAX_DEPTH) + "'a'" + close.repeat(Expressions.MAX_DEPTH);
        String tooDeep = open + deepest + close;

        Expressions.compile(deepest);
        assertThatThrownBy(() -> Expressions.compile(tooDeep))
                .isInstanceOf(ConfigException.class)
                .hasMessage("value: nesting too deep at column " + (Expressions.MAX_DEPTH * open.length() + 1)
                        + "; expected at most 64 levels of parentheses, calls and '!'");
    }

    @Test
    void showsItsSource() {
        assertThat(Expressions.compile(LABEL)).hasToString(LABEL);
    }

    @Test
    void isSafeToShareBetweenThreads() {
        Expression label = Expressions.compile(LABEL);
        TestContext charge = TestContext.payload("""
                {"data": {"object": {"amount": 1999, "currency": "usd"}}}
                """);

        assertThat(java.util.stream.IntStream.range(0, 1000).parallel().mapToObj(i -> label.evaluate(charge)))
                .containsOnly("USD 19.99");
    }
}
