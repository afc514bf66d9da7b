package org.openpayloads.org.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.ObjectDefinition;
import org.openpayloads.org.schema.SchemaSnapshot;
import org.openpayloads.org.schema.StandardObjects;

class SoqlQueryEngineTest {

    private static final SchemaSnapshot SCHEMA = new SchemaSnapshot(StandardObjects.seeds().stream().map(seed -> {
        List<FieldDefinition> fields = new java.util.ArrayList<>(StandardObjects.systemFields(seed.name()));
        fields.addAll(seed.fields());
        return new ObjectDefinition(seed.name(), seed.label(), seed.labelPlural(), seed.keyPrefix(), false, fields);
    }).toList());

    /** A row from a map, with one optional parent. */
    private record MapRow(Map<String, Object> values, Optional<QueryRow> account) implements QueryRow {
        @Override
        public Object value(String field) {
            return values.get(field);
        }

        @Override
        public Optional<QueryRow> parent(String relationshipName) {
            return relationshipName.equals("Account") ? account : Optional.empty();
        }
    }

    @Test
    void aQueryCompilesAgainstTheSchemaAndReadsRows() {
        QueryPlan plan = new SoqlQueryEngine().plan("select lastname, account.name from contact where "
                + "Account.Name = 'Acme' order by LastName desc limit 5", SCHEMA, Clock.systemUTC());
        assertThat(plan.object()).isEqualTo("Contact");
        assertThat(plan.selectedPaths()).containsExactly("LastName", "Account.Name");
        assertThat(plan.relationshipsUsed()).contains("Account");
        assertThat(plan.limit()).hasValue(5);
        assertThat(plan.countOnly()).isFalse();
        QueryRow acme = new MapRow(Map.of("Name", "Acme"), Optional.empty());
        QueryRow a = new MapRow(Map.of("LastName", "A"), Optional.of(acme));
        QueryRow b = new MapRow(Map.of("LastName", "B"), Optional.of(acme));
        assertThat(plan.matches(a)).isTrue();
        assertThat(plan.matches(new MapRow(Map.of("LastName", "C"), Optional.empty()))).isFalse();
        assertThat(plan.ordering().compare(a, b)).isPositive();
        QueryPlan hinted = new SoqlQueryEngine().plan("SELECT Id FROM Contact WHERE Email = 'x@y.z' AND "
                + "LastName = 'Q'", SCHEMA, Clock.systemUTC());
        assertThat(hinted.equalityHints()).contains(new QueryPlan.Hint("Email", "x@y.z"));
        assertThat(hinted.offset()).isEmpty();
    }

    @Test
    void soqlErrorsBecomeQueryExceptionsWithTheirCodes() {
        assertThatThrownBy(() -> new SoqlQueryEngine().plan("SELECT Bogus FROM Account", SCHEMA, Clock.systemUTC()))
                .isInstanceOf(QueryException.class).extracting(e -> ((QueryException) e).errorCode())
                .isEqualTo("INVALID_FIELD");
        assertThatThrownBy(() -> new SoqlQueryEngine().plan("SELECT FROM", SCHEMA, Clock.systemUTC()))
                .extracting(e -> ((QueryException) e).errorCode()).isEqualTo("MALFORMED_QUERY");
        assertThatThrownBy(() -> new SoqlQueryEngine().plan("SELECT Id FROM Nope", SCHEMA, Clock.systemUTC()))
                .extracting(e -> ((QueryException) e).errorCode()).isEqualTo("INVALID_TYPE");
    }
}
