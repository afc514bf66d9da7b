package org.openpayloads.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldNamesTest {

    private final Map<String, Object> fields = new LinkedHashMap<>(Map.of("Stripe_Customer_Id__c", "cus_1"));

    @Test
    void findsAFieldHoweverItIsSpelt() {
        assertThat(FieldNames.key(fields, "Stripe_Customer_Id__c")).isEqualTo("Stripe_Customer_Id__c");
        assertThat(FieldNames.key(fields, "stripe_customer_id__C")).isEqualTo("Stripe_Customer_Id__c");
        assertThat(FieldNames.get(fields, "STRIPE_CUSTOMER_ID__C")).isEqualTo("cus_1");
    }

    @Test
    void prefersTheSameSpellingAndAnswersNullForAnAbsentField() {
        fields.put("stripe_customer_id__c", "cus_2");

        assertThat(FieldNames.get(fields, "stripe_customer_id__c")).isEqualTo("cus_2");
        assertThat(FieldNames.key(fields, "Name")).isNull();
        assertThat(FieldNames.get(fields, "Name")).isNull();
    }
}
