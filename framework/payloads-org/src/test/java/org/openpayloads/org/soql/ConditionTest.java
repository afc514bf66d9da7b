package org.openpayloads.org.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionTest {

    private static Condition equals(String field, int value) {
        return new Condition.Comparison(new FieldPath(List.of(field), 0), Condition.Operator.EQUALS,
                new Literal(Literal.Kind.NUMBER, BigDecimal.valueOf(value), String.valueOf(value), 0));
    }

    @Test
    void rendersNestingWithParentheses() {
        Condition condition = new Condition.Or(List.of(
                new Condition.And(List.of(equals("a", 1), new Condition.Not(equals("b", 2)))),
                new Condition.Not(new Condition.Or(List.of(equals("c", 3), equals("d", 4)))),
                new Condition.InList(new FieldPath(List.of("e"), 0), true,
                        List.of(new Literal(Literal.Kind.NULL, null, "null", 0)))));

        assertThat(condition.toSoql()).isEqualTo("(a = 1 AND NOT b = 2) OR NOT (c = 3 OR d = 4) OR e NOT IN (null)");
    }

    @Test
    void rejectsDegenerateNodes() {
        assertThatThrownBy(() -> new Condition.And(List.of(equals("a", 1))))
                .hasMessage("AND and OR need at least two operands, got 1");
        assertThatThrownBy(() -> new Condition.Or(List.of())).hasMessage("AND and OR need at least two operands, got 0");
        assertThatThrownBy(() -> new Condition.InList(new FieldPath(List.of("a"), 0), false, List.of()))
                .hasMessage("IN needs at least one value");
    }
}
