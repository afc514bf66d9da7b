package org.openpayloads.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.MappingException;

class ArgsTest {

    private static Args args(Object... values) {
        List<Expression> literals = java.util.Arrays.stream(values).map(v -> (Expression) new Nodes.Literal(v))
                .toList();
        return new Args("f", literals, TestContext.empty());
    }

    @Test
    void readsANumberFromText() {
        assertThat(args(" 12.5 ").number(0)).isEqualTo(new BigDecimal("12.5"));
        assertThat(args(new BigDecimal("3")).integer(0)).isEqualTo(3);
    }

    @Test
    void fallsBackToTheContextsZone() {
        assertThat(args("x").zone(1)).isEqualTo(TestContext.PARIS);
        assertThat(args("x", "UTC").zone(1)).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void namesTheFunctionAndTheArgument() {
        assertThatThrownBy(() -> args("a", new BigDecimal("3000000000")).integer(1))
                .isInstanceOf(MappingException.class)
                .hasMessage("function 'f', argument 2: expected a whole number, got number 3000000000");
        assertThatThrownBy(() -> args(List.of("a")).text(0))
                .isInstanceOf(MappingException.class)
                .hasMessage("function 'f', argument 1: expected text, got a list [a]");
        assertThatThrownBy(() -> args(true).list(0))
                .isInstanceOf(MappingException.class)
                .hasMessage("function 'f', argument 1: expected a list, got true");
    }
}
