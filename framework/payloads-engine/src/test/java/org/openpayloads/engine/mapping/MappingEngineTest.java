package org.openpayloads.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.openpayloads.engine.mapping.Mappings.allOrNothing;
import static org.openpayloads.engine.mapping.Mappings.computed;
import static org.openpayloads.engine.mapping.Mappings.element;
import static org.openpayloads.engine.mapping.Mappings.fixed;
import static org.openpayloads.engine.mapping.Mappings.idOf;
import static org.openpayloads.engine.mapping.Mappings.lookup;
import static org.openpayloads.engine.mapping.Mappings.resultOf;
import static org.openpayloads.engine.mapping.Mappings.target;
import static org.openpayloads.engine.mapping.Mappings.translated;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.TargetResult;
import org.openpayloads.engine.model.WhenPresent;
import org.openpayloads.testkit.InMemoryRecordClient;

class MappingEngineTest {

    private static final String CUSTOMER = "cus_0dUMWLtzCTagWs";

    private final MappingCompiler compiler = new MappingCompiler(10);
    private final MappingEngine engine = Mappings.engine();
    private final InMemoryRecordClient org = StripeOrg.client();

    /** The charge.succeeded example: the customer's Account, then its Contact with the Account's id. */
    private MappingPlan chargeToAccountAndContact() {
        return compiler.plan("stripe", allOrNothing(
                target("account", "Account", Operation.UPSERT).order(1).externalId("Stripe_Customer_Id__c").map(
                        element("Stripe_Customer_Id__c", "$.data.object.customer"),
                        computed("Name", "coalesce($.data.object.billing_details.name, $.data.object.customer)"),
                        computed("Last_Charge_Amount__c", "minorToDecimal($.data.object.amount, "
                                + "$.data.object.currency)"),
                        element("Last_Charge_Date__c", "$.data.object.created"),
                        translated("Card_Brand__c", "$.data.object.payment_method_details.card.brand",
                                Map.of("visa", "Visa", "mastercard", "Mastercard"), "Other")),
                target("contact", "Contact", Operation.UPSERT).order(2).externalId("Stripe_Customer_Id__c").map(
                        element("Stripe_Customer_Id__c", "$.data.object.customer"),
                        fixed("LastName", "Stripe customer"), idOf("AccountId", "account"))));
    }

    @Test
    void upsertsTheCustomersAccountThenItsContactWithTheAccountsId() {
        MappingResult run = engine.run(chargeToAccountAndContact(), StripeOrg.chargeSucceeded(), org);

        assertThat(run.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(run.succeeded()).isTrue();
        String accountId = resultOf(run, "account").recordId();
        assertThat(org.records("Account")).singleElement().satisfies(record -> assertThat(record)
                .containsEntry("Id", accountId)
                .containsEntry("Stripe_Customer_Id__c", CUSTOMER)
                .containsEntry("Name", CUSTOMER)
                .containsEntry("Last_Charge_Amount__c", new BigDecimal("5.00"))
                .containsEntry("Last_Charge_Date__c", "2012-10-29")
                .containsEntry("Card_Brand__c", "Visa"));
        assertThat(org.records("Contact")).singleElement().satisfies(record -> assertThat(record)
                .containsEntry("AccountId", accountId).containsEntry("LastName", "Stripe customer"));
        assertThat(run.results()).extracting(TargetResult::operation, TargetResult::created, TargetResult::success)
                .containsExactly(tuple("UPSERT", true, true), tuple("UPSERT", true, true));
    }

    @Test
    void aPreviewWritesNothingAndShowsWhatARunWouldDo() {
        MappingPlan plan = chargeToAccountAndContact();

        MappingResult preview = engine.preview(plan, StripeOrg.chargeSucceeded(), org);

        assertThat(org.writes()).isEmpty();
        assertThat(org.records("Account")).isEmpty();
        assertThat(preview.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(preview.operations()).extracting(RecordOperation::action).containsExactly(Action.UPSERT,
                Action.UPSERT);
        assertThat(preview.operations().get(1).fields()).containsEntry("AccountId", "{account.id}");
        assertThat(preview.results()).extracting(TargetResult::recordId, TargetResult::created)
                .containsExactly(tuple(null, null), tuple(null, null));

        MappingResult run = engine.run(plan, StripeOrg.chargeSucceeded(), org);
        assertThat(preview.operations()).isEqualTo(withIds(run.operations(), "{account.id}",
                resultOf(run, "account").recordId()));
    }

    @Test
    void aPreviewOfRecordsThatExistShowsExactlyTheRunsOperations() {
        MappingPlan plan = chargeToAccountAndContact();
        engine.run(plan, StripeOrg.chargeSucceeded(), org);

        MappingResult preview = engine.preview(plan, StripeOrg.chargeSucceeded(), org);
        int writes = org.writes().size();
        MappingResult run = engine.run(plan, StripeOrg.chargeSucceeded(), org);

        assertThat(writes).isEqualTo(2);
        assertThat(preview.operations()).isEqualTo(run.operations());
        assertThat(preview.results()).extracting(TargetResult::recordId)
                .containsExactlyElementsOf(run.results().stream().map(TargetResult::recordId).toList());
    }

    @Test
    void aPreviewListsTheLookupsItMade() {
        String account = org.seed("Account", Map.of("Name", "Acme", "Stripe_Customer_Id__c", CUSTOMER));
        MappingPlan plan = compiler.plan("stripe", allOrNothing(target("charge", "Stripe_Charge__c",
                Operation.UPSERT).externalId("Stripe_Charge_Id__c").map(
                element("Stripe_Charge_Id__c", "$.data.object.id"), element("Name", "$.data.object.id"),
                lookup("Account__c", "Account", "$.data.object.customer", "Stripe_Customer_Id__c"))));

        MappingResult preview = engine.preview(plan, StripeOrg.chargeSucceeded(), org);

        assertThat(org.writes()).isEmpty();
        assertThat(preview.lookups()).containsExactly(new Lookup("charge", 0, "Account__c", "Account",
                "Stripe_Customer_Id__c", CUSTOMER, "Id", account, false));
        assertThat(preview.operations().get(0).fields()).containsEntry("Account__c", account);
    }

    @Test
    void aPreviewShowsAFoundRecordsCreateIfMissingSkipAndItsIdToLaterTargets() {
        String account = org.seed("Account", Map.of("Name", "Acme", "AccountNumber", "ch_chargeid"));
        MappingPlan plan = compiler.plan("stripe", allOrNothing(
                target("account", "Account", Operation.CREATE_IF_MISSING).matchBy("AccountNumber")
                        .whenPresent(WhenPresent.SKIP).map(element("AccountNumber", "$.data.object.id")),
                target("contact", "Contact", Operation.INSERT).map(fixed("LastName", "Ada"),
                        idOf("AccountId", "account"))));

        MappingResult preview = engine.preview(plan, StripeOrg.chargeSucceeded(), org);

        assertThat(preview.operations()).extracting(RecordOperation::action, RecordOperation::recordId)
                .containsExactly(tuple(Action.SKIP, account), tuple(Action.INSERT, null));
        assertThat(preview.operations().get(1).fields()).containsEntry("AccountId", account);
    }

    @Test
    void aPreviewCarriesAPendingIdThroughAnUpdateByThatId() {
        MappingPlan plan = compiler.plan("stripe", allOrNothing(
                target("account", "Account", Operation.INSERT).map(fixed("Name", "Acme")),
                target("rename", "Account", Operation.UPDATE).map(idOf("Id", "account"), fixed("Site", "x")),
                target("contact", "Contact", Operation.INSERT).map(fixed("LastName", "Ada"),
                        idOf("AccountId", "rename"))));

        MappingResult preview = engine.preview(plan, StripeOrg.chargeSucceeded(), org);
        MappingResult run = engine.run(plan, StripeOrg.chargeSucceeded(), org);

        assertThat(preview.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(preview.operations()).extracting(RecordOperation::action, RecordOperation::recordId)
                .containsExactly(tuple(Action.INSERT, null), tuple(Action.UPDATE, "{account.id}"),
                        tuple(Action.INSERT, null));
        assertThat(preview.operations().get(2).fields()).containsEntry("AccountId", "{account.id}");
        assertThat(run.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(preview.operations()).isEqualTo(withIds(run.operations(), "{account.id}",
                resultOf(run, "account").recordId()));
    }

    @Test
    void refusesMissingCollaborators() {
        assertThatThrownBy(() -> new MappingEngine(null, Mappings.NO_CREDENTIALS, Mappings.CLOCK, ZoneOffset.UTC))
                .isInstanceOf(NullPointerException.class).hasMessage("lookups");
        assertThatThrownBy(() -> new MappingEngine(LookupCache.disabled(), null, Mappings.CLOCK, ZoneOffset.UTC))
                .isInstanceOf(NullPointerException.class).hasMessage("credentials");
        assertThatThrownBy(() -> new MappingEngine(LookupCache.disabled(), Mappings.NO_CREDENTIALS, null,
                ZoneOffset.UTC)).isInstanceOf(NullPointerException.class).hasMessage("clock");
        assertThatThrownBy(() -> new MappingEngine(LookupCache.disabled(), Mappings.NO_CREDENTIALS, Mappings.CLOCK,
                null)).isInstanceOf(NullPointerException.class).hasMessage("zone");
    }

    @Test
    void readsTheClockAndZoneItIsGiven() {
        MappingResult result = engine.preview(compiler.plan("stripe", allOrNothing(target("charge",
                "Stripe_Charge__c", Operation.INSERT).map(computed("Name", "today()"),
                computed("Charged_At__c", "now()")))), StripeOrg.chargeSucceeded(), org);

        assertThat(result.operations().get(0).fields()).containsEntry("Name", "2026-11-25")
                .hasEntrySatisfying("Charged_At__c", at -> assertThat(at.toString()).startsWith("2026-11-25T12:00"));
    }

    /** The operations of a run with the ids it made shown as a preview shows them. */
    private static List<RecordOperation> withIds(List<RecordOperation> operations, String pending, String id) {
        List<RecordOperation> shown = new ArrayList<>();
        for (RecordOperation op : operations) {
            Map<String, Object> fields = new LinkedHashMap<>(op.fields());
            fields.replaceAll((field, value) -> id.equals(value) ? pending : value);
            Map<String, Object> match = new LinkedHashMap<>(op.match());
            match.replaceAll((field, value) -> id.equals(value) ? pending : value);
            shown.add(new RecordOperation(op.target(), op.index(), op.object(), op.action(), op.externalIdField(),
                    id.equals(op.recordId()) ? pending : op.recordId(), match, fields, op.reason()));
        }
        return shown;
    }
}
