package org.openpayloads.org.soql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderByTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ASC  | FIRST | Name ASC NULLS FIRST
            ASC  | LAST  | Name ASC NULLS LAST
            DESC | LAST  | Name DESC NULLS LAST
            DESC | FIRST | Name DESC NULLS FIRST
            """)
    void rendersDirectionAndNulls(OrderBy.Direction direction, OrderBy.Nulls nulls, String soql) {
        assertThat(new OrderBy(new FieldPath(List.of("Name"), 0), direction, nulls).toSoql()).isEqualTo(soql);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ASC  | FIRST
            DESC | LAST
            """)
    void sortsNullsAsTheLowestValuesByDefault(OrderBy.Direction direction, OrderBy.Nulls nulls) {
        assertThat(OrderBy.defaultNulls(direction)).isEqualTo(nulls);
    }
}
