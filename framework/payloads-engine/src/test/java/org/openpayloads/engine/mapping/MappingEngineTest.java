package org.openpayloads.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NullRule;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.model.ValueSourceType;
import org.openpayloads.testkit.InMemoryRecordClient;

class MappingEngineTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private final MappingCompiler compiler = new MappingCompiler(10);
    private final MappingEngine engine = new MappingEngine(LookupCache.disabled(), (i, c) -> Optional.empty(), clock,
            ZoneOffset.UTC);
    private final InMemoryRecordClient org = StripeOrg.client();

    @Test
    void upsertsTheCustomersAccountThenItsContactWithTheAccountsId() {
        Target account = new Target("account", "Account", 1, "Account", Operation.UPSERT, "Stripe_Customer_Id__c",
                List.of(), null, null, null, List.of(
                FieldMapping.element("Stripe_Customer_Id__c", "$.data.object.customer"),
                expression("Name", "coalesce($.data.object.billing_details.name, $.data.object.customer)"),
                expression("Last_Charge_Amount__c", "minorToDecimal($.data.object.amount, $.data.object.currency)"),
                FieldMapping.element("Last_Charge_Date__c", "$.data.object.created"),
                new FieldMapping("Card_Brand__c", ValueSourceType.ELEMENT,
                        "$.data.object.payment_method_details.card.brand", null, null, null, NullRule.IGNORE,
                        Map.of("visa", "Visa", "mastercard", "Mastercard"), "Other")));
        Target contact = new Target("contact", "Contact", 2, "Contact", Operation.UPSERT, "Stripe_Customer_Id__c",
                List.of(), null, null, null, List.of(
                FieldMapping.element("Stripe_Customer_Id__c", "$.data.object.customer"),
                new FieldMapping("LastName", ValueSourceType.STATIC, "Stripe customer", null, null, null, null, null,
                        null),
                new FieldMapping("AccountId", ValueSourceType.TARGET_RESULT, null, "account", null, null, null, null,
                        null)));
        MappingPlan plan = compiler.plan("stripe", payload(true, account, contact));

        MappingResult preview = engine.preview(plan, StripeOrg.chargeSucceeded(), org);
        MappingResult run = engine.run(plan, StripeOrg.chargeSucceeded(), org);

        assertThat(run.status()).isEqualTo(JobStatus.COMPLETED);
        String accountId = run.results().get(0).recordId();
        assertThat(org.records("Account")).singleElement().satisfies(record -> assertThat(record)
                .containsEntry("Stripe_Customer_Id__c", "cus_0dUMWLtzCTagWs")
                .containsEntry("Name", "cus_0dUMWLtzCTagWs")
                .containsEntry("Last_Charge_Amount__c", new java.math.BigDecimal("5.00"))
                .containsEntry("Last_Charge_Date__c", "2012-10-29")
                .containsEntry("Card_Brand__c", "Visa"));
        assertThat(org.records("Contact")).singleElement().satisfies(record -> assertThat(record)
                .containsEntry("AccountId", accountId));
        assertThat(preview.operations()).hasSize(2);
        assertThat(preview.operations().get(1).fields()).containsEntry("AccountId", "{account.id}");
        assertThat(preview.operations().get(0)).isEqualTo(run.operations().get(0));
    }

    private static FieldMapping expression(String field, String expression) {
        return new FieldMapping(field, ValueSourceType.EXPRESSION, expression, null, null, null, null, null, null);
    }

    private static Payload payload(boolean allowPartial, Target... targets) {
        return new Payload("charge", "Stripe charge", null, Direction.INBOUND, PayloadKind.API_PUSH, ContentType.JSON,
                allowPartial, true, null, null, null, false, null, List.of(), null, null, null, List.of(),
                List.of(targets), List.of(), null);
    }
}
