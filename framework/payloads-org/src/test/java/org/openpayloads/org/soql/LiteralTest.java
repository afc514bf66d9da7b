package org.openpayloads.org.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LiteralTest {

    static List<Arguments> fitting() {
        return List.of(Arguments.of(Literal.Kind.STRING, "x"), Arguments.of(Literal.Kind.NUMBER, BigDecimal.ONE),
                Arguments.of(Literal.Kind.BOOLEAN, true), Arguments.of(Literal.Kind.NULL, null),
                Arguments.of(Literal.Kind.DATE, LocalDate.of(2024, 1, 1)),
                Arguments.of(Literal.Kind.RELATIVE_DATE, new RelativeDate(RelativeDate.Unit.TODAY, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fitting")
    void holdsAValueOfItsKind(Literal.Kind kind, Object value) {
        assertThat(new Literal(kind, value, "text", 3).value()).isEqualTo(value);
    }

    static List<Arguments> misfits() {
        return List.of(
                Arguments.of(Literal.Kind.STRING, BigDecimal.ONE, "A STRING literal cannot hold java.math.BigDecimal"),
                Arguments.of(Literal.Kind.NULL, "x", "A NULL literal cannot hold java.lang.String"),
                Arguments.of(Literal.Kind.DATE, null, "A DATE literal cannot hold null"),
                Arguments.of(Literal.Kind.DATETIME, LocalDate.of(2024, 1, 1),
                        "A DATETIME literal cannot hold java.time.LocalDate"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("misfits")
    void rejectsAValueOfAnotherKind(Literal.Kind kind, Object value, String message) {
        assertThatThrownBy(() -> new Literal(kind, value, "text", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
