package org.openpayloads.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValuesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of(NODES.textNode("a"), "a"),
                Arguments.of(NODES.numberNode(1999), new BigDecimal("1999")),
                Arguments.of(NODES.numberNode(19.99), new BigDecimal("19.99")),
                Arguments.of(NODES.booleanNode(true), true),
                Arguments.of(NODES.nullNode(), null),
                Arguments.of(MissingNode.getInstance(), null),
                Arguments.of(NODES.arrayNode().add("a").addNull().add(2), Arrays.asList("a", null, BigDecimal.valueOf(2))),
                Arguments.of(42, BigDecimal.valueOf(42)),
                Arguments.of(42L, BigDecimal.valueOf(42)),
                Arguments.of(1.5d, new BigDecimal("1.5")),
                Arguments.of(BigInteger.TEN, BigDecimal.TEN),
                Arguments.of('c', "c"),
                Arguments.of(List.of(1, "b"), List.of(BigDecimal.ONE, "b")));
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource("values")
    void normalisesNodesAndJavaValues(Object value, Object expected) {
        assertThat(Values.normalise(value)).isEqualTo(expected);
    }

    @Test
    void keepsWhatNoFunctionTakesAsItIs() {
        JsonNode object = NODES.objectNode().put("x", 1);
        JsonNode nan = NODES.numberNode(Double.NaN);

        assertThat(Values.normalise(object)).isSameAs(object);
        assertThat(Values.normalise(nan)).isSameAs(nan);
        assertThat(Values.normalise(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Values.asText(object)).isNull();
    }

    @Test
    void describesValuesShortly() {
        assertThat(Values.describe("x".repeat(100))).isEqualTo("text '" + "x".repeat(60) + "…'");
        assertThat(Values.describe(new BigDecimal("1E+3"))).isEqualTo("number 1000");
        assertThat(Values.describe(null)).isEqualTo("null");
        assertThat(Values.describe(Double.NaN)).isEqualTo("a value NaN");
    }
}
