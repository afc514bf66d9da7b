package org.openpayloads.org.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelativeDateTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 3, 1);

    @ParameterizedTest(name = "{0}:{1}")
    @CsvSource(delimiter = '|', textBlock = """
            TODAY       | 0  | 2024-03-01 | 2024-03-01 | TODAY
            YESTERDAY   | 0  | 2024-02-29 | 2024-02-29 | YESTERDAY
            TOMORROW    | 0  | 2024-03-02 | 2024-03-02 | TOMORROW
            LAST_N_DAYS | 0  | 2024-03-01 | 2024-03-01 | LAST_N_DAYS:0
            LAST_N_DAYS | 1  | 2024-02-29 | 2024-03-01 | LAST_N_DAYS:1
            LAST_N_DAYS | 30 | 2024-01-31 | 2024-03-01 | LAST_N_DAYS:30
            NEXT_N_DAYS | 1  | 2024-03-02 | 2024-03-02 | NEXT_N_DAYS:1
            NEXT_N_DAYS | 31 | 2024-03-02 | 2024-04-01 | NEXT_N_DAYS:31
            NEXT_N_DAYS | 0  | 2024-03-02 | 2024-03-01 | NEXT_N_DAYS:0
            """)
    void coversWholeDaysAroundToday(RelativeDate.Unit unit, int days, LocalDate first, LocalDate last, String soql) {
        RelativeDate date = new RelativeDate(unit, days);

        assertThat(date.first(TODAY)).isEqualTo(first);
        assertThat(date.last(TODAY)).isEqualTo(last);
        assertThat(date.toSoql()).isEqualTo(soql);
    }

    @ParameterizedTest(name = "{0}:{1}")
    @CsvSource(delimiter = '|', textBlock = """
            TODAY       | 1  | Invalid day count 1 for TODAY
            YESTERDAY   | -1 | Invalid day count -1 for YESTERDAY
            LAST_N_DAYS | -1 | Invalid day count -1 for LAST_N_DAYS
            """)
    void rejectsImpossibleDayCounts(RelativeDate.Unit unit, int days, String message) {
        assertThatThrownBy(() -> new RelativeDate(unit, days)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
