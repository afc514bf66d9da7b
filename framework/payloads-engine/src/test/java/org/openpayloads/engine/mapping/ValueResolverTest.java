package org.openpayloads.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.openpayloads.engine.mapping.Mappings.allOrNothing;
import static org.openpayloads.engine.mapping.Mappings.computed;
import static org.openpayloads.engine.mapping.Mappings.credential;
import static org.openpayloads.engine.mapping.Mappings.element;
import static org.openpayloads.engine.mapping.Mappings.fixed;
import static org.openpayloads.engine.mapping.Mappings.idOf;
import static org.openpayloads.engine.mapping.Mappings.json;
import static org.openpayloads.engine.mapping.Mappings.lookup;
import static org.openpayloads.engine.mapping.Mappings.partialSuccess;
import static org.openpayloads.engine.mapping.Mappings.resultOf;
import static org.openpayloads.engine.mapping.Mappings.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.records.RecordError;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.ResolvedCredential;
import org.openpayloads.engine.model.TargetResult;
import org.openpayloads.testkit.InMemoryRecordClient;

class ValueResolverTest {

    private static final JsonNode BODY = json("""
            {"customer": "cus_1", "name": "Ada", "owner": {"email": "x"},
             "lines": [{"customer": "cus_1"}, {"customer": "cus_1"}, {"customer": "cus_2"}]}""");
    private static final String SECRET = "sk_live_do_not_show";

    private final InMemoryRecordClient org = StripeOrg.client();
    private final MappingCompiler compiler = new MappingCompiler(10);
    private final LookupCache shared = new LookupCache(Duration.ofMinutes(5), 100);
    private final MappingEngine engine = new MappingEngine(shared, (integration, name) ->
            integration.equals("stripe") && name.equals("stripe-api")
                    ? Optional.of(new ResolvedCredential("stripe-api", CredentialType.STRIPE,
                            Map.of("accountId", "acct_1"), Map.of("secretKey", SECRET)))
                    : Optional.empty(), Mappings.CLOCK, ZoneOffset.UTC);

    private MappingResult run(Payload payload, JsonNode body) {
        return engine.run(compiler.compile("stripe", payload), body, org);
    }

    /** A Contact that finds its Account by the Stripe customer id. */
    private static Mappings.TargetBuilder contactOfCustomer(String path) {
        return target("contact", "Contact", Operation.INSERT).map(fixed("LastName", "Ada"),
                lookup("AccountId", "Account", path, "Stripe_Customer_Id__c"));
    }

    private String account(String customer) {
        return org.seed("Account", Map.of("Name", customer, "Stripe_Customer_Id__c", customer));
    }

    @Test
    void mapsElementsStaticValuesAndExpressions() {
        MappingResult result = run(allOrNothing(target("contact", "Contact", Operation.INSERT).map(
                element("FirstName", "$.name"), fixed("LastName", "Lovelace"),
                computed("Email", "concat(lower($.name), '@example.com')"))), BODY);

        assertThat(result.operations().get(0).fields()).containsExactly(Map.entry("FirstName", "Ada"),
                Map.entry("LastName", "Lovelace"), Map.entry("Email", "ada@example.com"));
    }

    @Test
    void aLookupFillsTheFieldWithTheIdItFinds() {
        String id = account("cus_1");

        MappingResult result = run(allOrNothing(contactOfCustomer("$.customer")), BODY);

        assertThat(org.records("Contact")).singleElement().satisfies(r -> assertThat(r).containsEntry("AccountId", id));
        assertThat(result.lookups()).containsExactly(new Lookup("contact", 0, "AccountId", "Account",
                "Stripe_Customer_Id__c", "cus_1", "Id", id, false));
        assertThat(org.queries()).containsExactly(
                "SELECT Id FROM Account WHERE Stripe_Customer_Id__c = 'cus_1' LIMIT 2");
    }

    @Test
    void aLookupCanReturnAnotherField() {
        org.seed("Account", Map.of("Name", "Acme Ltd", "Stripe_Customer_Id__c", "cus_1"));

        MappingResult result = run(allOrNothing(target("contact", "Contact", Operation.INSERT).map(
                lookup("LastName", "Account", "$.customer", "Stripe_Customer_Id__c", "Name"))), BODY);

        assertThat(org.records("Contact")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("LastName", "Acme Ltd"));
        assertThat(result.lookups()).extracting(Lookup::returnField, Lookup::result)
                .containsExactly(tuple("Name", "Acme Ltd"));
    }

    @Test
    void aLookupThatFindsNothingLeavesTheFieldOut() {
        MappingResult result = run(allOrNothing(contactOfCustomer("$.customer")), BODY);

        assertThat(result.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(result.operations().get(0).fields()).doesNotContainKey("AccountId");
        assertThat(result.lookups()).extracting(Lookup::result, Lookup::cached).containsExactly(tuple(null, false));
    }

    @Test
    void aLookupWithoutAValueAsksNothing() {
        MappingResult result = run(allOrNothing(contactOfCustomer("$.missing")), BODY);

        assertThat(result.lookups()).isEmpty();
        assertThat(org.queries()).isEmpty();
    }

    @Test
    void aJobAsksTheSameLookupOnce() {
        String id = account("cus_1");

        MappingResult result = run(allOrNothing(contactOfCustomer("@.customer").forEach("$.lines")), BODY);

        assertThat(result.lookups()).extracting(Lookup::index, Lookup::value, Lookup::result, Lookup::cached)
                .containsExactly(tuple(0, "cus_1", id, false), tuple(1, "cus_1", id, true),
                        tuple(2, "cus_2", null, false));
        assertThat(org.queries()).hasSize(2);
    }

    @Test
    void aJobAsksAgainAfterWritingTheObject() {
        account("cus_1");

        MappingResult result = run(allOrNothing(contactOfCustomer("$.customer").order(1),
                target("account", "Account", Operation.UPSERT).order(2).externalId("Stripe_Customer_Id__c")
                        .map(element("Stripe_Customer_Id__c", "$.customer"), fixed("Name", "Renamed")),
                target("other", "Contact", Operation.INSERT).order(3).map(fixed("LastName", "Bo"),
                        lookup("AccountId", "Account", "$.customer", "Stripe_Customer_Id__c"))), BODY);

        assertThat(result.lookups()).extracting(Lookup::target, Lookup::cached)
                .containsExactly(tuple("contact", false), tuple("other", false));
    }

    @Test
    void laterJobsUseTheSharedCacheUntilTheObjectIsWritten() {
        String id = account("cus_1");
        Payload payload = allOrNothing(contactOfCustomer("$.customer"));

        run(payload, BODY);
        MappingResult second = run(payload, BODY);

        assertThat(second.lookups()).extracting(Lookup::result, Lookup::cached).containsExactly(tuple(id, true));
        assertThat(org.queries()).hasSize(1);

        run(allOrNothing(target("account", "Account", Operation.UPDATE).map(fixed("Id", id), fixed("Name", "New"))),
                BODY);
        MappingResult afterWrite = run(payload, BODY);

        assertThat(afterWrite.lookups()).extracting(Lookup::cached).containsExactly(false);
        assertThat(org.queries()).hasSize(2);
    }

    @Test
    void aLookupThatMatchesTwoRecordsFailsTheRecord() {
        account("cus_1");
        account("cus_1");

        MappingResult result = run(allOrNothing(contactOfCustomer("$.customer")), BODY);

        assertThat(result.results()).extracting(TargetResult::errorCode, TargetResult::message).containsExactly(tuple(
                "MULTIPLE_MATCHES", "lookup of Account by Stripe_Customer_Id__c = 'cus_1' matched more than one "
                        + "record; expected at most one"));
        assertThat(org.records("Contact")).isEmpty();
    }

    @Test
    void aLookupValueMustBeAScalar() {
        MappingResult result = run(allOrNothing(contactOfCustomer("$.owner")), BODY);

        assertThat(result.results()).extracting(TargetResult::errorCode, TargetResult::message).containsExactly(tuple(
                "MAPPING_ERROR", "lookup value at $.owner is an object; expected a text, number or boolean"));
    }

    @Test
    void aCredentialGivesItsPlainAttribute() {
        run(allOrNothing(target("contact", "Contact", Operation.INSERT).map(fixed("LastName", "Ada"),
                credential("FirstName", "stripe-api", "accountId"))), BODY);

        assertThat(org.records("Contact")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("FirstName", "acct_1"));
    }

    @Test
    void aMissingCredentialOrAttributeFailsTheRecord() {
        MappingResult result = run(partialSuccess(
                target("missing", "Contact", Operation.INSERT).map(fixed("LastName", "Ada"),
                        credential("FirstName", "nope", "accountId")),
                target("attribute", "Contact", Operation.INSERT).map(fixed("LastName", "Ada"),
                        credential("FirstName", "stripe-api", "region"))), BODY);

        assertThat(result.results()).extracting(TargetResult::errorCode, TargetResult::message).containsExactly(
                tuple("MAPPING_ERROR", "credential 'nope' does not exist in integration 'stripe'"),
                tuple("MAPPING_ERROR", "credential 'stripe-api' has no plain attribute 'region'; secrets cannot be "
                        + "mapped into records"));
    }

    @Test
    void aSecretIsNeverMappedNorShown() {
        MappingResult result = run(allOrNothing(target("contact", "Contact", Operation.INSERT).map(
                fixed("LastName", "Ada"), credential("FirstName", "stripe-api", "secretKey"))), BODY);

        assertThat(result.results()).extracting(TargetResult::errorCode).containsExactly("MAPPING_ERROR");
        assertThat(result.toString()).doesNotContain(SECRET);
        assertThat(org.writes()).isEmpty();
    }

    @Test
    void aTargetResultGivesTheIdOrAFieldOfWhatAnEarlierTargetWrote() {
        MappingResult result = run(allOrNothing(
                target("account", "Account", Operation.INSERT).map(fixed("Name", "Acme"), element("Site", "$.name")),
                target("contact", "Contact", Operation.INSERT).map(idOf("AccountId", "account"),
                        Mappings.resultOf("LastName", "account", "name"),
                        Mappings.resultOf("FirstName", "account", "Site"))), BODY);

        String id = resultOf(result, "account").recordId();
        assertThat(org.records("Contact")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("AccountId", id).containsEntry("LastName", "Acme").containsEntry("FirstName", "Ada"));
    }

    @Test
    void aTargetResultOfAFailedTargetFailsTheRecordThatNeedsIt() {
        org.refuseWhen(write -> write.object().equals("Account")
                ? new RecordError("DUPLICATES_DETECTED", "a duplicate") : null);

        MappingResult result = run(partialSuccess(
                target("account", "Account", Operation.INSERT).map(fixed("Name", "Acme")),
                target("note", "Stripe_Charge__c", Operation.INSERT).map(fixed("Name", "ok")),
                target("contact", "Contact", Operation.INSERT).map(fixed("LastName", "Ada"),
                        idOf("AccountId", "account"))), BODY);

        assertThat(result.status()).isEqualTo(JobStatus.PARTIAL);
        assertThat(resultOf(result, "contact")).extracting(TargetResult::errorCode, TargetResult::message)
                .containsExactly("DEPENDENCY_FAILED", "target 'account' failed, so its Id is unknown");
    }

    @Test
    void aTargetResultOfASkippedTargetIsLeftOut() {
        MappingResult result = run(allOrNothing(
                target("account", "Account", Operation.INSERT).when("false").map(fixed("Name", "Acme")),
                target("contact", "Contact", Operation.INSERT).map(fixed("LastName", "Ada"),
                        idOf("AccountId", "account"))), BODY);

        assertThat(result.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(result.operations().get(1).fields()).containsOnlyKeys("LastName");
    }

    @Test
    void aRepeatedTargetGetsTheResultOfTheSameItemOfATargetRepeatedOverTheSameElement() {
        MappingResult result = run(allOrNothing(
                target("account", "Account", Operation.INSERT).map(fixed("Name", "Acme")),
                target("lines", "Invoice_Line__c", Operation.INSERT).forEach("$.lines")
                        .map(element("Name", "@.customer"), idOf("Account__c", "account")),
                target("notes", "Line_Note__c", Operation.INSERT).forEach("$.lines")
                        .map(element("Text__c", "@.customer"), idOf("Line__c", "lines"))), BODY);

        String account = resultOf(result, "account").recordId();
        List<String> lines = result.results().stream().filter(r -> r.target().equals("lines"))
                .map(TargetResult::recordId).toList();
        assertThat(org.records("Invoice_Line__c")).extracting(r -> r.get("Account__c"))
                .containsExactly(account, account, account);
        assertThat(org.records("Line_Note__c")).extracting(r -> r.get("Line__c")).containsExactlyElementsOf(lines);
        assertThat(lines).doesNotHaveDuplicates().hasSize(3);
    }
}
