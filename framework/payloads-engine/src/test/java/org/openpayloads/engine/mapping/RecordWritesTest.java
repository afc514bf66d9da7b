package org.openpayloads.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.openpayloads.engine.mapping.Mappings.allOrNothing;
import static org.openpayloads.engine.mapping.Mappings.element;
import static org.openpayloads.engine.mapping.Mappings.fixed;
import static org.openpayloads.engine.mapping.Mappings.idOf;
import static org.openpayloads.engine.mapping.Mappings.json;
import static org.openpayloads.engine.mapping.Mappings.partialSuccess;
import static org.openpayloads.engine.mapping.Mappings.resultOf;
import static org.openpayloads.engine.mapping.Mappings.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.RetriableException;
import org.openpayloads.api.records.ObjectDescription;
import org.openpayloads.api.records.QueryResult;
import org.openpayloads.api.records.RecordClient;
import org.openpayloads.api.records.RecordError;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;
import org.openpayloads.api.records.WriteKind;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.TargetResult;
import org.openpayloads.engine.model.WhenPresent;
import org.openpayloads.testkit.InMemoryRecordClient;

class RecordWritesTest {

    private static final JsonNode BODY = json("""
            {"customer": "cus_1", "name": "Acme", "number": "A-1", "phone": "+1 555 0100"}""");

    private final InMemoryRecordClient org = StripeOrg.client();
    private final MappingCompiler compiler = new MappingCompiler(10);
    private final MappingEngine engine = Mappings.engine();

    private MappingResult run(Payload payload, JsonNode body) {
        return engine.run(compiler.compile("stripe", payload), body, org);
    }

    private static JsonNode body(String id) {
        return json("{\"id\": \"" + id + "\", \"customer\": \"cus_1\", \"name\": \"Acme\", \"number\": \"A-1\"}");
    }

    /** A Stripe_Charge__c target whose insert the org refuses, the way a validation rule does. */
    private Mappings.TargetBuilder refusedCharge() {
        org.refuseWhen(write -> write.object().equals("Stripe_Charge__c")
                ? new RecordError("FIELD_CUSTOM_VALIDATION_EXCEPTION", "Charges are closed", List.of("Name")) : null);
        return target("charge", "Stripe_Charge__c", Operation.INSERT).order(30).map(fixed("Name", "ch_1"));
    }

    private Map<String, Object> account(String id) {
        return org.records("Account").stream().filter(r -> id.equals(r.get("Id"))).findFirst().orElse(null);
    }

    @Test
    void insertsARecord() {
        MappingResult result = run(allOrNothing(target("account", "Account", Operation.INSERT)
                .map(element("Name", "$.name"), element("AccountNumber", "$.number"))), BODY);

        String id = (String) org.records("Account").get(0).get("Id");
        assertThat(result.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(result.results()).containsExactly(
                new TargetResult("account", 0, "Account", "INSERT", id, true, true, null, null));
        assertThat(result.operations()).containsExactly(new RecordOperation("account", 0, "Account", Action.INSERT,
                null, null, Map.of(), Map.of("Name", "Acme", "AccountNumber", "A-1"), null));
        assertThat(account(id)).containsEntry("Name", "Acme").containsEntry("AccountNumber", "A-1");
    }

    @Test
    void updatesTheRecordItsIdNames() {
        String id = org.seed("Account", Map.of("Name", "Old", "AccountNumber", "A-0"));

        MappingResult result = run(allOrNothing(target("account", "Account", Operation.UPDATE)
                .map(element("Id", "$.id"), element("Name", "$.name"))), body(id));

        assertThat(result.results()).containsExactly(
                new TargetResult("account", 0, "Account", "UPDATE", id, false, true, null, null));
        assertThat(result.operations()).containsExactly(new RecordOperation("account", 0, "Account", Action.UPDATE,
                null, id, Map.of("Id", id), Map.of("Name", "Acme"), null));
        assertThat(account(id)).containsEntry("Name", "Acme").containsEntry("AccountNumber", "A-0");
        assertThat(org.queries()).as("no later write, so nothing to undo and nothing read").isEmpty();
    }

    @Test
    void updatesTheRecordItsMatchFieldsFind() {
        String other = org.seed("Account", Map.of("Name", "Other", "AccountNumber", "A-2"));
        String id = org.seed("Account", Map.of("Name", "Old", "AccountNumber", "A-1"));

        MappingResult result = run(allOrNothing(target("account", "Account", Operation.UPDATE).matchBy("AccountNumber")
                .map(element("AccountNumber", "$.number"), element("Name", "$.name"))), BODY);

        assertThat(result.results()).extracting(TargetResult::operation, TargetResult::recordId, TargetResult::created)
                .containsExactly(tuple("UPDATE", id, false));
        assertThat(result.operations().get(0).match()).isEqualTo(Map.of("AccountNumber", "A-1"));
        assertThat(account(id)).containsEntry("Name", "Acme");
        assertThat(account(other)).containsEntry("Name", "Other");
    }

    @Test
    void anUpdateThatFindsNoRecordFails() {
        MappingResult result = run(allOrNothing(target("account", "Account", Operation.UPDATE).matchBy("AccountNumber")
                .map(element("AccountNumber", "$.number"), element("Name", "$.name"))), BODY);

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.results()).containsExactly(new TargetResult("account", 0, "Account", null, null, null, false,
                "NOT_FOUND", "no Account matches {AccountNumber=A-1} to update"));
        assertThat(org.writes()).isEmpty();
    }

    @Test
    void anUpdateThatFindsTwoRecordsFails() {
        org.seed("Account", Map.of("Name", "One", "AccountNumber", "A-1"));
        org.seed("Account", Map.of("Name", "Two", "AccountNumber", "A-1"));

        MappingResult result = run(allOrNothing(target("account", "Account", Operation.UPDATE).matchBy("AccountNumber")
                .map(element("AccountNumber", "$.number"), element("Name", "$.name"))), BODY);

        assertThat(result.results()).extracting(TargetResult::errorCode, TargetResult::message).containsExactly(
                tuple("MULTIPLE_MATCHES", "more than one Account matches {AccountNumber=A-1}; expected at most one"));
        assertThat(org.writes()).isEmpty();
    }

    @Test
    void anUpdateByIdFailsWhenTheBodyHasNoId() {
        MappingResult result = run(allOrNothing(target("account", "Account", Operation.UPDATE)
                .map(element("Id", "$.id"), element("Name", "$.name"))), BODY);

        assertThat(result.results()).extracting(TargetResult::errorCode, TargetResult::message).containsExactly(
                tuple("MISSING_MATCH_VALUE", "an UPDATE of Account finds its record by Id, but the mapping gave no "
                        + "Id"));
    }

    @Test
    void anUpdateByMatchFieldsFailsWhenAMatchValueIsMissing() {
        MappingResult result = run(allOrNothing(target("account", "Account", Operation.UPDATE).matchBy("AccountNumber")
                .map(element("AccountNumber", "$.missing"), element("Name", "$.name"))), BODY);

        assertThat(result.results()).extracting(TargetResult::errorCode, TargetResult::message).containsExactly(
                tuple("MISSING_MATCH_VALUE", "an UPDATE of Account finds its record by AccountNumber, but the "
                        + "mapping gave it no value"));
    }

    @Test
    void upsertsInsertThenUpdateByExternalId() {
        Payload payload = allOrNothing(target("account", "Account", Operation.UPSERT)
                .externalId("Stripe_Customer_Id__c")
                .map(element("Stripe_Customer_Id__c", "$.customer"), element("Name", "$.name")));

        MappingResult first = run(payload, BODY);
        MappingResult second = run(payload, json("{\"customer\": \"cus_1\", \"name\": \"Acme Ltd\"}"));

        String id = (String) org.records("Account").get(0).get("Id");
        assertThat(org.records("Account")).hasSize(1);
        assertThat(account(id)).containsEntry("Name", "Acme Ltd");
        assertThat(first.results()).extracting(TargetResult::operation, TargetResult::recordId, TargetResult::created)
                .containsExactly(tuple("UPSERT", id, true));
        assertThat(second.results()).extracting(TargetResult::operation, TargetResult::recordId, TargetResult::created)
                .containsExactly(tuple("UPSERT", id, false));
        assertThat(second.operations()).containsExactly(new RecordOperation("account", 0, "Account", Action.UPSERT,
                "Stripe_Customer_Id__c", null, Map.of("Stripe_Customer_Id__c", "cus_1"),
                Map.of("Stripe_Customer_Id__c", "cus_1", "Name", "Acme Ltd"), null));
    }

    @Test
    void anUpsertWhoseClientDoesNotSayWhetherItCreatedIsReportedAsTheSnapshotShowsOrAsUnknown() {
        org.seed("Account", Map.of("Stripe_Customer_Id__c", "cus_1", "Name", "Old"));
        RecordClient silent = new RecordClient() {
            @Override
            public CompletableFuture<RecordResult> submit(RecordWrite write) {
                return org.submit(write).thenApply(r -> new RecordResult(r.id(), r.success(), null, r.errors()));
            }

            @Override
            public QueryResult query(String soql) {
                return org.query(soql);
            }

            @Override
            public Optional<String> findId(String object, String field, Object value) {
                return org.findId(object, field, value);
            }

            @Override
            public ObjectDescription describe(String object) {
                return org.describe(object);
            }

            @Override
            public long callCount() {
                return org.callCount();
            }

            @Override
            public void close() {
                // The org is the test's.
            }
        };
        Mappings.TargetBuilder account = target("account", "Account", Operation.UPSERT)
                .externalId("Stripe_Customer_Id__c").map(element("Stripe_Customer_Id__c", "$.customer"));

        MappingResult alone = engine.run(compiler.compile("stripe", allOrNothing(account)), BODY, silent);
        MappingResult followed = engine.run(compiler.compile("stripe", allOrNothing(account,
                target("contact", "Contact", Operation.INSERT).map(element("LastName", "$.name")))), BODY, silent);

        assertThat(resultOf(alone, "account").created()).as("not read, so not known").isNull();
        assertThat(resultOf(followed, "account").created()).as("read before the write").isFalse();
    }

    @Test
    void anUpsertNamesItsExternalIdFieldInAnyCase() {
        run(allOrNothing(target("account", "Account", Operation.UPSERT).externalId("stripe_customer_id__c")
                .map(element("Stripe_Customer_Id__c", "$.customer"), element("Name", "$.name"))), BODY);

        assertThat(org.writes()).extracting(RecordWrite::kind, RecordWrite::externalIdField)
                .containsExactly(tuple(WriteKind.UPSERT, "Stripe_Customer_Id__c"));
    }

    @Test
    void anUpsertNeedsAnExternalIdValue() {
        Payload payload = allOrNothing(target("account", "Account", Operation.UPSERT)
                .externalId("Stripe_Customer_Id__c")
                .map(element("Stripe_Customer_Id__c", "$.customer"), element("Name", "$.name")));

        assertThat(run(payload, json("{\"name\": \"Acme\"}")).results()).extracting(TargetResult::errorCode,
                TargetResult::message).containsExactly(tuple("MISSING_EXTERNAL_ID", "an UPSERT of Account needs a "
                + "value for its external id field Stripe_Customer_Id__c, but the mapping gave none"));
        assertThat(run(payload, json("{\"customer\": \"  \", \"name\": \"Acme\"}")).results())
                .extracting(TargetResult::message).containsExactly("an UPSERT of Account needs a value for its "
                        + "external id field Stripe_Customer_Id__c, but the mapping gave a blank one");
        assertThat(org.writes()).isEmpty();
    }

    @Test
    void createIfMissingInsertsWhenNoRecordMatches() {
        MappingResult result = run(allOrNothing(target("account", "Account", Operation.CREATE_IF_MISSING)
                .matchBy("AccountNumber").map(element("AccountNumber", "$.number"), element("Name", "$.name"))), BODY);

        String id = (String) org.records("Account").get(0).get("Id");
        assertThat(result.results()).extracting(TargetResult::operation, TargetResult::recordId, TargetResult::created)
                .containsExactly(tuple("INSERT", id, true));
        assertThat(result.operations()).containsExactly(new RecordOperation("account", 0, "Account", Action.INSERT,
                null, null, Map.of("AccountNumber", "A-1"), Map.of("AccountNumber", "A-1", "Name", "Acme"), null));
    }

    @Test
    void createIfMissingUpdatesTheRecordThatMatches() {
        String id = org.seed("Account", Map.of("Name", "Old", "AccountNumber", "A-1"));

        MappingResult result = run(allOrNothing(target("account", "Account", Operation.CREATE_IF_MISSING)
                .matchBy("AccountNumber").whenPresent(WhenPresent.UPDATE)
                .map(element("AccountNumber", "$.number"), element("Name", "$.name"))), BODY);

        assertThat(result.results()).extracting(TargetResult::operation, TargetResult::recordId, TargetResult::created)
                .containsExactly(tuple("UPDATE", id, false));
        assertThat(org.records("Account")).singleElement().satisfies(r -> assertThat(r).containsEntry("Name", "Acme"));
    }

    @Test
    void createIfMissingSkipsTheRecordThatMatchesAndALaterTargetStillGetsItsId() {
        String id = org.seed("Account", Map.of("Name", "Old", "AccountNumber", "A-1"));

        MappingResult result = run(allOrNothing(
                target("account", "Account", Operation.CREATE_IF_MISSING).matchBy("AccountNumber")
                        .whenPresent(WhenPresent.SKIP)
                        .map(element("AccountNumber", "$.number"), element("Name", "$.name")),
                target("contact", "Contact", Operation.INSERT).map(element("LastName", "$.name"),
                        idOf("AccountId", "account"))), BODY);

        assertThat(result.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(result.results().get(0)).isEqualTo(new TargetResult("account", 0, "Account", "SKIP", id, false,
                true, null, "a matching Account exists"));
        assertThat(result.operations().get(0)).isEqualTo(new RecordOperation("account", 0, "Account", Action.SKIP,
                null, id, Map.of("AccountNumber", "A-1"), Map.of(), "a matching Account exists"));
        assertThat(org.records("Contact")).singleElement().satisfies(r -> assertThat(r).containsEntry("AccountId", id));
        assertThat(account(id)).containsEntry("Name", "Old");
        assertThat(org.writes()).extracting(RecordWrite::object).containsExactly("Contact");
    }

    @Test
    void deletesByIdByExternalIdAndByMatchFields() {
        String byId = org.seed("Account", Map.of("Name", "One"));
        String byExternalId = org.seed("Account", Map.of("Name", "Two", "Stripe_Customer_Id__c", "cus_1"));
        String byMatch = org.seed("Account", Map.of("Name", "Three", "AccountNumber", "A-1"));

        MappingResult result = run(allOrNothing(
                target("byId", "Account", Operation.DELETE).map(element("Id", "$.id")),
                target("byExternalId", "Account", Operation.DELETE).externalId("Stripe_Customer_Id__c")
                        .map(element("Stripe_Customer_Id__c", "$.customer")),
                target("byMatch", "Account", Operation.DELETE).matchBy("AccountNumber")
                        .map(element("AccountNumber", "$.number"))), body(byId));

        assertThat(org.records("Account")).isEmpty();
        assertThat(result.results()).extracting(TargetResult::operation, TargetResult::recordId, TargetResult::created)
                .containsExactly(tuple("DELETE", byId, null), tuple("DELETE", byExternalId, null),
                        tuple("DELETE", byMatch, null));
        assertThat(result.operations()).containsExactly(
                new RecordOperation("byId", 0, "Account", Action.DELETE, null, byId, Map.of("Id", byId), Map.of(),
                        null),
                new RecordOperation("byExternalId", 0, "Account", Action.DELETE, "Stripe_Customer_Id__c", null,
                        Map.of("Stripe_Customer_Id__c", "cus_1"), Map.of(), null),
                new RecordOperation("byMatch", 0, "Account", Action.DELETE, null, byMatch,
                        Map.of("AccountNumber", "A-1"), Map.of(), null));
    }

    @Test
    void aDeleteThatFindsNothingFails() {
        MappingResult result = run(partialSuccess(
                target("byMatch", "Account", Operation.DELETE).matchBy("AccountNumber")
                        .map(element("AccountNumber", "$.number")),
                target("byExternalId", "Account", Operation.DELETE).externalId("Stripe_Customer_Id__c")
                        .map(element("Stripe_Customer_Id__c", "$.customer"))), BODY);

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.results()).extracting(TargetResult::errorCode, TargetResult::message).containsExactly(
                tuple("NOT_FOUND", "no Account matches {AccountNumber=A-1} to delete"),
                tuple("NOT_FOUND", "NOT_FOUND: The requested resource does not exist [Id]"));
    }

    @Test
    void aRecordTheOrgRefusesFailsWithTheOrgsError() {
        MappingResult result = run(allOrNothing(refusedCharge()), BODY);

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.results()).containsExactly(new TargetResult("charge", 0, "Stripe_Charge__c", null, null,
                null, false, "FIELD_CUSTOM_VALIDATION_EXCEPTION",
                "FIELD_CUSTOM_VALIDATION_EXCEPTION: Charges are closed [Name]"));
        assertThat(org.records("Stripe_Charge__c")).isEmpty();
    }

    @Test
    void withoutPartialSuccessAFailureUndoesTheJobsWrites() {
        String id = org.seed("Account", Map.of("Stripe_Customer_Id__c", "cus_1", "Name", "Old Name",
                "Phone", "111 222"));
        Map<String, Object> before = new HashMap<>(account(id));

        MappingResult result = run(allOrNothing(
                target("account", "Account", Operation.UPSERT).order(10).externalId("Stripe_Customer_Id__c")
                        .map(element("Stripe_Customer_Id__c", "$.customer"), element("Name", "$.name"),
                                element("Phone", "$.phone")),
                target("contact", "Contact", Operation.INSERT).order(20).map(element("LastName", "$.name"),
                        idOf("AccountId", "account")),
                refusedCharge()), BODY);

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(account(id)).isEqualTo(before);
        assertThat(org.records("Contact")).isEmpty();
        String contact = resultOf(result, "contact").recordId();
        assertThat(result.results()).containsExactly(
                new TargetResult("account", 0, "Account", "UPSERT", id, false, false, "ROLLED_BACK",
                        "written, then undone because target 'charge' failed: put back the earlier values of "
                                + "[Name, Phone]"),
                new TargetResult("contact", 0, "Contact", "INSERT", contact, true, false, "ROLLED_BACK",
                        "written, then undone because target 'charge' failed: deleted the record it created"),
                new TargetResult("charge", 0, "Stripe_Charge__c", null, null, null, false,
                        "FIELD_CUSTOM_VALIDATION_EXCEPTION", "FIELD_CUSTOM_VALIDATION_EXCEPTION: Charges are closed "
                                + "[Name]"));
        assertThat(org.writes()).extracting(RecordWrite::kind, RecordWrite::object).containsExactly(
                tuple(WriteKind.UPSERT, "Account"), tuple(WriteKind.INSERT, "Contact"),
                tuple(WriteKind.INSERT, "Stripe_Charge__c"), tuple(WriteKind.DELETE, "Contact"),
                tuple(WriteKind.UPDATE, "Account"));
    }

    @Test
    void anUndoneUpsertThatCreatedItsRecordDeletesIt() {
        MappingResult result = run(allOrNothing(
                target("account", "Account", Operation.UPSERT).externalId("Stripe_Customer_Id__c")
                        .map(element("Stripe_Customer_Id__c", "$.customer"), element("Name", "$.name")),
                refusedCharge()), BODY);

        assertThat(org.records("Account")).isEmpty();
        assertThat(resultOf(result, "account")).extracting(TargetResult::created, TargetResult::errorCode,
                TargetResult::message).containsExactly(true, "ROLLED_BACK",
                "written, then undone because target 'charge' failed: deleted the record it created");
    }

    @Test
    void aRepeatedTargetIsUndoneWhenALaterItemFails() {
        MappingResult result = run(allOrNothing(target("lines", "Invoice_Line__c", Operation.INSERT)
                .forEach("$.lines").map(element("Name", "@.name"), element("Amount__c", "@.amount"))), json("""
                {"lines": [{"name": "Seat", "amount": 5}, {"name": "Support", "amount": "lots"}]}"""));

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(org.records("Invoice_Line__c")).isEmpty();
        assertThat(result.results()).extracting(TargetResult::index, TargetResult::errorCode)
                .containsExactly(tuple(0, "ROLLED_BACK"), tuple(1, "INVALID_VALUE"));
        assertThat(result.results().get(0).message()).isEqualTo("written, then undone because target 'lines' failed "
                + "at item 1: deleted the record it created");
    }

    @Test
    void aDeleteCannotBeUndone() {
        String id = org.seed("Account", Map.of("Name", "Gone"));

        MappingResult result = run(allOrNothing(target("account", "Account", Operation.DELETE)
                .map(element("Id", "$.id")), refusedCharge()), body(id));

        assertThat(org.records("Account")).isEmpty();
        assertThat(resultOf(result, "account")).extracting(TargetResult::success, TargetResult::errorCode,
                TargetResult::message).containsExactly(false, "UNDO_FAILED", "written, but not undone after target "
                + "'charge' failed: a delete cannot be undone through the API; the record stays deleted");
    }

    @Test
    void anUndoTheOrgRefusesIsReported() {
        org.refuseWhen(write -> write.object().equals("Stripe_Charge__c") || write.kind() == WriteKind.DELETE
                ? new RecordError("INSUFFICIENT_ACCESS", "no access") : null);

        MappingResult result = run(allOrNothing(target("contact", "Contact", Operation.INSERT)
                .map(element("LastName", "$.name")), target("charge", "Stripe_Charge__c", Operation.INSERT)
                .map(fixed("Name", "ch_1"))), BODY);

        assertThat(org.records("Contact")).hasSize(1);
        assertThat(resultOf(result, "contact")).extracting(TargetResult::errorCode, TargetResult::message)
                .containsExactly("UNDO_FAILED", "written, but not undone after target 'charge' failed: deleting the "
                        + "record it created failed: INSUFFICIENT_ACCESS: no access");
    }

    @Test
    void aRetriableFailureMidJobUndoesTheJobsWritesThenIsRethrown() {
        String id = org.seed("Account", Map.of("Stripe_Customer_Id__c", "cus_1", "Name", "Old Name"));
        RetriableException unavailable = new RetriableException("the org answered 503");
        org.failWhen(write -> write.object().equals("Stripe_Charge__c") ? unavailable : null);

        assertThatThrownBy(() -> run(allOrNothing(
                target("account", "Account", Operation.UPSERT).externalId("Stripe_Customer_Id__c")
                        .map(element("Stripe_Customer_Id__c", "$.customer"), element("Name", "$.name")),
                target("contact", "Contact", Operation.INSERT).map(element("LastName", "$.name")),
                target("charge", "Stripe_Charge__c", Operation.INSERT).map(fixed("Name", "ch_1"))), BODY))
                .isSameAs(unavailable);

        assertThat(account(id)).containsEntry("Name", "Old Name");
        assertThat(org.records("Contact")).isEmpty();
    }

    @Test
    void withPartialSuccessAFailureKeepsWhatSucceeded() {
        MappingResult result = run(partialSuccess(
                target("contact", "Contact", Operation.INSERT).map(element("LastName", "$.name")), refusedCharge()),
                BODY);

        assertThat(result.status()).isEqualTo(JobStatus.PARTIAL);
        assertThat(org.records("Contact")).hasSize(1);
        assertThat(result.results()).extracting(TargetResult::target, TargetResult::success)
                .containsExactly(tuple("contact", true), tuple("charge", false));
        assertThat(org.queries()).as("nothing is read to undo what is never undone").isEmpty();
    }

    @Test
    void readsTheValuesAnUpdateReplacesOnlyWhenALaterWriteMayFollow() {
        String id = org.seed("Account", Map.of("Name", "Old"));

        run(allOrNothing(target("account", "Account", Operation.UPDATE).map(element("Id", "$.id"),
                element("Name", "$.name")), target("contact", "Contact", Operation.INSERT)
                .map(element("LastName", "$.name"))), body(id));

        assertThat(org.queries()).containsExactly("SELECT Id, Name FROM Account WHERE Id = '" + id + "' LIMIT 1");
    }
}
