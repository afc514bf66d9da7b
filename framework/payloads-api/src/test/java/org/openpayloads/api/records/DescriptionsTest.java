package org.openpayloads.api.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescriptionsTest {

    private final FieldDescription revenue = new FieldDescription("AnnualRevenue", "currency", 0, true, true, true,
            false, false, List.of(), List.of());

    @Test
    void findsAFieldWhateverTheCase() {
        ObjectDescription account = new ObjectDescription("Account", Map.of("AnnualRevenue", revenue));

        assertThat(account.field("AnnualRevenue")).contains(revenue);
        assertThat(account.field("annualrevenue")).contains(revenue);
        assertThat(account.field("Revenue")).isEmpty();
    }

    @Test
    void copiesWhatItIsGiven() {
        List<String> values = new ArrayList<>(List.of("Prospect"));
        FieldDescription type = new FieldDescription("Type", "picklist", 40, true, true, true, false, false, values,
                List.of());
        values.add("Other");
        Map<String, FieldDescription> fields = new LinkedHashMap<>(Map.of("Type", type));
        ObjectDescription account = new ObjectDescription("Account", fields);
        fields.clear();

        assertThat(type.picklistValues()).containsExactly("Prospect");
        assertThat(account.fields()).containsOnlyKeys("Type");
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new FieldDescription("Name", "string", -1, true, true, true, false, false, List.of(),
                List.of())).hasMessage("length of field 'Name' was -1; expected 0 or more");
        assertThatThrownBy(() -> new ObjectDescription(" ", Map.of())).hasMessage("an object description needs a name");
    }

    @Test
    void queryResultsKeepNullValues() {
        Map<String, Object> row = new HashMap<>();
        row.put("CampaignId", null);
        QueryResult result = new QueryResult(1, List.of(row));

        assertThat(result.records()).singleElement().satisfies(r -> assertThat(r).containsEntry("CampaignId", null));
        assertThatThrownBy(() -> new QueryResult(-1, List.of())).hasMessage("totalSize was -1; expected 0 or more");
    }
}
