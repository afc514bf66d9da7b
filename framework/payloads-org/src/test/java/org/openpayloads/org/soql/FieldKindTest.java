package org.openpayloads.org.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FieldKindTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            id | ID
            reference | ID
            string | TEXT
            textarea | TEXT
            email | TEXT
            phone | TEXT
            url | TEXT
            picklist | TEXT
            multipicklist | TEXT
            boolean | BOOLEAN
            int | INTEGER
            double | NUMBER
            currency | NUMBER
            percent | NUMBER
            date | DATE
            datetime | DATETIME
            DateTime | DATETIME
            base64 | UNSUPPORTED
            address | UNSUPPORTED
            time | UNSUPPORTED
            """)
    void mapsDescribeTypes(String describeType, FieldKind expected) {
        assertThat(FieldKind.of(describeType)).isEqualTo(expected);
    }

    static List<Arguments> normalizedValues() {
        return List.of(
                Arguments.of(FieldKind.TEXT, "x", "x"),
                Arguments.of(FieldKind.BOOLEAN, null, false),
                Arguments.of(FieldKind.BOOLEAN, true, true),
                Arguments.of(FieldKind.NUMBER, 5, new BigDecimal("5")),
                Arguments.of(FieldKind.NUMBER, 2.5d, new BigDecimal("2.5")),
                Arguments.of(FieldKind.INTEGER, 7L, new BigDecimal("7")),
                Arguments.of(FieldKind.DATE, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1)),
                Arguments.of(FieldKind.UNSUPPORTED, List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("normalizedValues")
    void normalizesRecordValues(FieldKind kind, Object raw, Object expected) {
        assertThat(kind.normalize(raw, "F")).isEqualTo(expected);
    }

    @Test
    void failsFastOnAValueOfTheWrongType() {
        assertThatThrownBy(() -> FieldKind.TEXT.normalize(5, "Account.Name"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Field 'Account.Name' holds a java.lang.Integer (5), but a string field holds a "
                        + "java.lang.String");
        assertThatThrownBy(() -> FieldKind.NUMBER.normalize(Double.NaN, "Amount"))
                .hasMessageStartingWith("Field 'Amount' holds a java.lang.Double (NaN)");
        assertThatThrownBy(() -> FieldKind.DATETIME.normalize("2024-01-01T00:00:00Z", "CreatedDate"))
                .hasMessageEndingWith("but a dateTime field holds a java.time.OffsetDateTime");
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            001000000000001AAA | 001000000000001AAA | true
            001000000000001AAA | 001000000000001aaa | true
            001000000000001    | 001000000000001AAA | true
            001000000000001AAA | 001000000000001    | true
            001000000000001    | 001000000000001    | true
            00100000000000a    | 00100000000000A    | false
            00100000000000a    | 00100000000000AAAA | false
            x1                 | X1                 | false
            """)
    void comparesIdsAsSalesforceDoes(String a, String b, boolean same) {
        assertThat(FieldKind.ID.same(a, b)).isEqualTo(same);
    }

    @Test
    void comparesTextIgnoringCaseAndDateTimesAsInstants() {
        assertThat(FieldKind.TEXT.same("ACME", "acme")).isTrue();
        assertThat(FieldKind.TEXT.compare("apple", "Banana")).isNegative();
        assertThat(FieldKind.NUMBER.same(new BigDecimal("1.0"), new BigDecimal("1"))).isTrue();
        OffsetDateTime utc = OffsetDateTime.parse("2024-01-01T10:00:00Z");
        OffsetDateTime paris = OffsetDateTime.parse("2024-01-01T11:00:00+01:00");
        assertThat(FieldKind.DATETIME.same(utc, paris)).isTrue();
        assertThat(FieldKind.DATETIME.compare(utc, paris)).isZero();
        assertThat(FieldKind.BOOLEAN.compare(false, true)).isNegative();
    }

    static List<Arguments> literals() {
        return List.of(
                Arguments.of(FieldKind.TEXT, literal(Literal.Kind.STRING, "a"), "a"),
                Arguments.of(FieldKind.ID, literal(Literal.Kind.STRING, "a"), "a"),
                Arguments.of(FieldKind.TEXT, literal(Literal.Kind.NUMBER, BigDecimal.ONE), null),
                Arguments.of(FieldKind.BOOLEAN, literal(Literal.Kind.BOOLEAN, true), true),
                Arguments.of(FieldKind.BOOLEAN, literal(Literal.Kind.STRING, "true"), null),
                Arguments.of(FieldKind.INTEGER, literal(Literal.Kind.NUMBER, new BigDecimal("2.00")),
                        new BigDecimal("2.00")),
                Arguments.of(FieldKind.INTEGER, literal(Literal.Kind.NUMBER, new BigDecimal("2.5")), null),
                Arguments.of(FieldKind.INTEGER, literal(Literal.Kind.NUMBER, new BigDecimal("-0")),
                        new BigDecimal("0")),
                Arguments.of(FieldKind.NUMBER, literal(Literal.Kind.NUMBER, new BigDecimal("2.5")),
                        new BigDecimal("2.5")),
                Arguments.of(FieldKind.DATE, literal(Literal.Kind.DATE, LocalDate.of(2024, 1, 1)),
                        LocalDate.of(2024, 1, 1)),
                Arguments.of(FieldKind.DATETIME, literal(Literal.Kind.DATE, LocalDate.of(2024, 1, 1)), null),
                Arguments.of(FieldKind.DATE, literal(Literal.Kind.NULL, null), null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("literals")
    void convertsOnlyLiteralsOfTheRightType(FieldKind kind, Literal literal, Object expected) {
        assertThat(kind.convert(literal)).isEqualTo(expected);
    }

    private static Literal literal(Literal.Kind kind, Object value) {
        return new Literal(kind, value, String.valueOf(value), 0);
    }
}
