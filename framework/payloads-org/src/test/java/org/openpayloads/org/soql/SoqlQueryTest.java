package org.openpayloads.org.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoqlQueryTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "select id from account where (a = 1 or b = 'x') and not c like 'a\\%%' order by name desc limit 1 offset 2",
        "SELECT COUNT() FROM Contact WHERE Account.Name IN ('a', 'b\\'c') AND CreatedDate = LAST_N_DAYS:3",
        "SELECT Id FROM Opportunity WHERE NOT (Amount > -1.5 OR CloseDate < 2024-01-01) AND IsWon = null",
        "SELECT Id FROM Account WHERE x NOT IN (2024-01-01T00:00:00Z, TODAY, null, true)"})
    void rendersSoqlThatParsesBackToTheSameQuery(String soql) {
        String canonical = SoqlParser.parse(soql).toSoql();

        assertThat(SoqlParser.parse(canonical).toSoql()).isEqualTo(canonical);
    }

    @Test
    void selectsEitherCountOrFields() {
        FieldPath id = new FieldPath(List.of("Id"), 7);

        assertThatThrownBy(() -> new SoqlQuery("q", List.of(id), true, "Account", 0, Optional.empty(), List.of(),
                OptionalInt.empty(), OptionalInt.empty())).hasMessageStartingWith("COUNT() selects no fields");
        assertThatThrownBy(() -> new SoqlQuery("q", List.of(), false, "Account", 0, Optional.empty(), List.of(),
                OptionalInt.empty(), OptionalInt.empty())).hasMessage("A query selects COUNT() or at least one field");
    }

    @Test
    void compilesAgainstASchemaAndAClock() {
        SoqlQuery query = SoqlParser.parse("SELECT Name FROM account");

        assertThat(query.compile(TestSchema.STANDARD).object()).isEqualTo("Account");
        assertThat(query.compile(TestSchema.STANDARD, Clock.systemUTC()).selectedPaths()).containsExactly("Name");
        assertThatThrownBy(() -> query.compile(null)).hasMessage("schema");
        assertThatThrownBy(() -> query.compile(TestSchema.STANDARD, null)).hasMessage("clock");
    }
}
