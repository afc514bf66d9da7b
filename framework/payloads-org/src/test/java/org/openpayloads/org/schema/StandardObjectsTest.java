package org.openpayloads.org.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StandardObjectsTest {

    @Test
    void seedsHaveTheirSalesforceKeyPrefixesAndUniqueFieldNames() {
        assertThat(StandardObjects.seeds()).extracting(StandardObjects.Seed::keyPrefix)
                .containsExactly("001", "003", "00Q", "006", "500", "00T", "005");
        for (StandardObjects.Seed seed : StandardObjects.seeds()) {
            Set<String> names = new HashSet<>();
            StandardObjects.systemFields(seed.name()).forEach(f -> assertThat(names.add(f.name())).isTrue());
            seed.fields().forEach(f -> assertThat(names.add(f.name())).as(seed.name() + "." + f.name()).isTrue());
            seed.fields().stream().filter(f -> f.type() == FieldType.REFERENCE).forEach(f -> assertThat(
                    StandardObjects.seeds().stream().anyMatch(s -> s.name().equals(f.referenceTo()))).isTrue());
        }
    }

    @Test
    void theFieldsTheBriefNamesAreThere() {
        StandardObjects.Seed account = StandardObjects.seeds().get(0);
        assertThat(account.fields()).extracting(FieldDefinition::name).contains("Name", "AccountNumber", "Type",
                "Industry", "Phone", "Website", "BillingStreet", "BillingCity", "BillingState", "BillingPostalCode",
                "BillingCountry", "Description", "AnnualRevenue", "NumberOfEmployees", "Rating", "ParentId");
        assertThat(account.fields().get(0).required()).isTrue();
        assertThat(StandardObjects.systemFields("User")).extracting(FieldDefinition::name).doesNotContain("OwnerId");
        assertThat(StandardObjects.systemFields("Account")).allMatch(FieldDefinition::system)
                .extracting(FieldDefinition::name).contains("Id", "CreatedDate", "LastModifiedDate", "SystemModstamp",
                        "IsDeleted", "OwnerId");
    }
}
