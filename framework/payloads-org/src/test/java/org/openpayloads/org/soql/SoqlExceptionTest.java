package org.openpayloads.org.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoqlExceptionTest {

    @Test
    void placesTheCaretLikeSalesforce() {
        SoqlException e = SoqlException.at(SoqlException.INVALID_FIELD, "SELECT Id, Nope FROM Account", 11,
                "No such column 'Nope' on entity 'Account'.");

        assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
        assertThat(e.getMessage()).isEqualTo("\nSELECT Id, Nope FROM Account\n           ^\nERROR at Row:1:Column:12\n"
                + "No such column 'Nope' on entity 'Account'.");
    }

    @ParameterizedTest(name = "offset {0}")
    @CsvSource(delimiter = '|', textBlock = """
            0  | SELECT Id     | 1 | 1
            7  | SELECT Id     | 1 | 8
            10 | FROM Account  | 2 | 1
            15 | FROM Account  | 2 | 6
            23 | WHERE x = 1   | 3 | 1
            34 | WHERE x = 1   | 3 | 12
            """)
    void countsRowsAndColumnsAcrossLines(int offset, String line, int row, int column) {
        String message = SoqlException.located("SELECT Id\nFROM Account\nWHERE x = 1", offset, "why");

        assertThat(message).isEqualTo("\n" + line.strip() + "\n" + " ".repeat(column - 1) + "^\nERROR at Row:" + row
                + ":Column:" + column + "\nwhy");
    }

    @Test
    void showsAWindowOfALongLine() {
        String soql = "SELECT Id FROM Account WHERE Name = '" + "x".repeat(500) + "' AND Nope = 1";
        int offset = soql.indexOf("Nope");

        String message = SoqlException.located(soql, offset, "why");

        String[] lines = message.split("\n");
        assertThat(lines[1]).isEqualTo("x".repeat(54) + "' AND Nope = 1");
        assertThat(lines[2]).isEqualTo(" ".repeat(60) + "^");
        assertThat(lines[3]).isEqualTo("ERROR at Row:1:Column:" + (offset + 1));
    }

    @Test
    void clampsAnOffsetOutsideTheText() {
        assertThat(SoqlException.located("abc", 99, "why")).isEqualTo("\nabc\n   ^\nERROR at Row:1:Column:4\nwhy");
        assertThat(SoqlException.located("", 0, "why")).isEqualTo("\n\n^\nERROR at Row:1:Column:1\nwhy");
    }

    @Test
    void namesUnsupportedSyntax() {
        SoqlException e = SoqlException.unsupported("SELECT Id FROM Account GROUP BY Name", 23, "GROUP BY");

        assertThat(e.errorCode()).isEqualTo(SoqlException.MALFORMED_QUERY);
        assertThat(e.getMessage()).endsWith("ERROR at Row:1:Column:24\nGROUP BY is not supported by the embedded org");
    }

    @Test
    void needsACodeAndAMessage() {
        assertThatThrownBy(() -> new SoqlException(null, "m")).hasMessage("errorCode");
        assertThatThrownBy(() -> new SoqlException("X", null)).hasMessage("message");
    }
}
