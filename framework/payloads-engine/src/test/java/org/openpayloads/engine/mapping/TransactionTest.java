package org.openpayloads.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.openpayloads.engine.mapping.Mappings.allOrNothing;
import static org.openpayloads.engine.mapping.Mappings.computed;
import static org.openpayloads.engine.mapping.Mappings.element;
import static org.openpayloads.engine.mapping.Mappings.fixed;
import static org.openpayloads.engine.mapping.Mappings.idOf;
import static org.openpayloads.engine.mapping.Mappings.target;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.RetriableException;
import org.openpayloads.api.records.RecordError;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.TargetResult;
import org.openpayloads.testkit.InMemoryRecordClient;

/** A payload without partial success, against an org that has transactions: all of the job's writes, or none. */
class TransactionTest {

    private final MappingCompiler compiler = new MappingCompiler(10);
    private final MappingEngine engine = Mappings.engine();
    private final InMemoryRecordClient org = StripeOrg.client().withTransactions(25);

    private MappingPlan accountThenContacts(String lastNamePath) {
        return accountThenContacts(element("LastName", lastNamePath));
    }

    private MappingPlan accountThenContacts(FieldMapping lastName) {
        return compiler.plan("stripe", allOrNothing(
                target("account", "Account", Operation.UPSERT).order(1).externalId("Stripe_Customer_Id__c").map(
                        element("Stripe_Customer_Id__c", "$.data.object.customer"),
                        computed("Name", "upper($.data.object.customer)")),
                target("contact", "Contact", Operation.INSERT).order(2).map(
                        lastName, idOf("AccountId", "account"))));
    }

    @Test
    void sendsThePreviewsWritesTogetherAndFillsInTheNewIds() {
        MappingPlan plan = accountThenContacts("$.data.object.description");

        MappingResult preview = engine.preview(plan, StripeOrg.chargeSucceeded(), org);
        MappingResult run = engine.run(plan, StripeOrg.chargeSucceeded(), org);

        assertThat(run.status()).isEqualTo(JobStatus.COMPLETED);
        String accountId = org.records("Account").get(0).get("Id").toString();
        assertThat(run.results()).extracting(TargetResult::operation, TargetResult::created, TargetResult::success)
                .containsExactly(tuple("UPSERT", true, true), tuple("INSERT", true, true));
        assertThat(run.results().get(0).recordId()).isEqualTo(accountId);
        assertThat(org.records("Contact")).singleElement()
                .satisfies(contact -> assertThat(contact).containsEntry("AccountId", accountId));
        assertThat(preview.operations().get(1).fields()).containsEntry("AccountId", "{account.id}");
        assertThat(run.operations().get(1).fields()).containsEntry("AccountId", accountId);
        assertThat(run.operations().get(0)).isEqualTo(preview.operations().get(0));
    }

    @Test
    void aWriteTheOrgRefusesKeepsNoneOfTheJobsWrites() {
        org.refuseWhen(write -> write.object().equals("Contact")
                ? new RecordError("FIELD_CUSTOM_VALIDATION_EXCEPTION", "Contacts are closed", List.of()) : null);

        MappingResult run = engine.run(accountThenContacts("$.data.object.description"), StripeOrg.chargeSucceeded(),
                org);

        assertThat(run.status()).isEqualTo(JobStatus.FAILED);
        assertThat(run.results()).extracting(TargetResult::errorCode)
                .containsExactly("ROLLED_BACK", "FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat(run.results().get(0).message())
                .isEqualTo("not kept: the job's writes went in one transaction, and the INSERT of Contact for "
                        + "target 'contact' failed");
        assertThat(org.records("Account")).isEmpty();
        assertThat(org.records("Contact")).isEmpty();
    }

    @Test
    void aRecordThatCannotBeMappedMeansNothingIsSent() {
        MappingResult run = engine.run(accountThenContacts(computed("LastName", "minorToDecimal('many', 'usd')")),
                StripeOrg.chargeSucceeded(), org);

        assertThat(run.status()).isEqualTo(JobStatus.FAILED);
        assertThat(run.results()).extracting(TargetResult::errorCode).containsExactly("NOT_WRITTEN",
                "MAPPING_ERROR");
        assertThat(run.results().get(0).message()).isEqualTo("not written, because target 'contact' failed and "
                + "this payload writes all or nothing");
        assertThat(org.writes()).isEmpty();
    }

    @Test
    void anUnavailableOrgKeepsNothingAndTheJobCanBeRetried() {
        org.failWhen(write -> write.object().equals("Contact") ? new RetriableException("org unavailable") : null);

        assertThatThrownBy(() -> engine.run(accountThenContacts("$.data.object.description"),
                StripeOrg.chargeSucceeded(), org)).isInstanceOf(RetriableException.class);
        assertThat(org.records("Account")).isEmpty();
    }

    @Test
    void moreWritesThanOneTransactionTakesAreWrittenOneByOneAndUndoneOnFailure() {
        InMemoryRecordClient small = StripeOrg.client().withTransactions(1);
        small.refuseWhen(write -> write.object().equals("Contact")
                ? new RecordError("FIELD_CUSTOM_VALIDATION_EXCEPTION", "Contacts are closed", List.of()) : null);

        MappingResult run = engine.run(accountThenContacts("$.data.object.description"), StripeOrg.chargeSucceeded(),
                small);

        assertThat(run.results()).extracting(TargetResult::errorCode)
                .containsExactly("ROLLED_BACK", "FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat(run.results().get(0).message()).endsWith("deleted the record it created");
        assertThat(small.records("Account")).isEmpty();
    }

    @Test
    void aJobThatOnlySkipsSendsNothing() {
        MappingPlan plan = compiler.plan("stripe", allOrNothing(
                target("account", "Account", Operation.INSERT).when("false").map(fixed("Name", "x"))));

        MappingResult run = engine.run(plan, StripeOrg.chargeSucceeded(), org);

        assertThat(run.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(run.results()).extracting(TargetResult::operation).containsExactly("SKIP");
        assertThat(org.writes()).isEmpty();
    }
}
