package org.openpayloads.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.api.RetriableException;
import org.openpayloads.api.records.FieldDescription;
import org.openpayloads.api.records.ObjectDescription;
import org.openpayloads.api.records.RecordError;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;
import org.openpayloads.api.records.WriteKind;

class InMemoryRecordClientTest {

    private final InMemoryRecordClient org = new InMemoryRecordClient(List.of(object("Account",
            field("Name", "string"), field("AccountNumber", "string"), field("AnnualRevenue", "currency"),
            field("Ext__c", "string")), object("Invoice__c", field("Name", "string"))));

    private static ObjectDescription object(String name, FieldDescription... fields) {
        Map<String, FieldDescription> described = new LinkedHashMap<>();
        for (FieldDescription field : fields) {
            described.put(field.name(), field);
        }
        return new ObjectDescription(name, described);
    }

    private static FieldDescription field(String name, String type) {
        return new FieldDescription(name, type, 255, true, true, true, name.endsWith("__c"), false, List.of(),
                List.of());
    }

    @Test
    void readsTheObjectsOfASalesforceDescribe() throws Exception {
        ObjectDescription account = InMemoryRecordClient.describe(new ObjectMapper().readTree(
                Fixtures.text("salesforce/describe-account.json")));

        assertThat(account.name()).isEqualTo("Account");
        assertThat(account.field("Name")).hasValueSatisfying(f -> assertThat(f)
                .extracting(FieldDescription::type, FieldDescription::length, FieldDescription::nillable)
                .containsExactly("string", 255, false));
        assertThat(account.field("Type").orElseThrow().picklistValues()).isNotEmpty();
        assertThat(account.field("ParentId").orElseThrow().referenceTo()).containsExactly("Account");
    }

    @Test
    void describesTheObjectsItWasGivenInAnyCase() {
        assertThat(org.describe("account").name()).isEqualTo("Account");
        assertThatThrownBy(() -> org.describe("Contact"))
                .isInstanceOf(NotFoundException.class).hasMessage("No object 'Contact' exists");
    }

    @Test
    void insertsWithEighteenCharacterIdsAndStoresFieldsAsDescribed() {
        RecordResult account = org.write(RecordWrite.insert("Account", Map.of("name", "Acme")));
        RecordResult invoice = org.write(RecordWrite.insert("Invoice__c", Map.of("Name", "in_1")));

        assertThat(account).isEqualTo(RecordResult.ok("001000000000000001", true));
        assertThat(invoice.id()).isEqualTo("a0I000000000000002").hasSize(18);
        assertThat(org.records("Account")).containsExactly(Map.of("Name", "Acme", "Id", "001000000000000001"));
    }

    @Test
    void updatesAndDeletesById() {
        String id = org.seed("Account", Map.of("Name", "Old", "AccountNumber", "A-1"));

        assertThat(org.write(RecordWrite.update("Account", id, Map.of("Name", "New")))).isEqualTo(
                RecordResult.ok(id, null));
        assertThat(org.records("Account")).containsExactly(Map.of("Id", id, "Name", "New", "AccountNumber", "A-1"));
        assertThat(org.write(RecordWrite.delete("Account", id))).isEqualTo(RecordResult.ok(id, null));
        assertThat(org.records("Account")).isEmpty();
        assertThat(org.write(RecordWrite.update("Account", id, Map.of("Name", "x")))).isEqualTo(RecordResult.failed(
                new RecordError("ENTITY_IS_DELETED", "entity is deleted", List.of("Id"))));
        assertThat(org.write(RecordWrite.delete("Account", id)).errors()).extracting(RecordError::code)
                .containsExactly("NOT_FOUND");
    }

    @Test
    void upsertsAndDeletesByExternalId() {
        RecordResult created = org.write(RecordWrite.upsert("Account", "Ext__c", Map.of("Ext__c", "x-1",
                "Name", "One")));
        RecordResult updated = org.write(RecordWrite.upsert("Account", "ext__c", Map.of("ext__c", "X-1",
                "Name", "Two")));

        assertThat(created).isEqualTo(RecordResult.ok("001000000000000001", true));
        assertThat(updated).isEqualTo(RecordResult.ok("001000000000000001", false));
        assertThat(org.records("Account")).singleElement().satisfies(r -> assertThat(r).containsEntry("Name", "Two"));

        assertThat(org.write(RecordWrite.deleteByExternalId("Account", "Ext__c", "x-1")).success()).isTrue();
        assertThat(org.records("Account")).isEmpty();
    }

    @Test
    void anUpsertMatchingTwoRecordsFails() {
        org.seed("Account", Map.of("Ext__c", "x-1"));
        org.seed("Account", Map.of("Ext__c", "x-1"));

        assertThat(org.write(RecordWrite.upsert("Account", "Ext__c", Map.of("Ext__c", "x-1"))).errors())
                .extracting(RecordError::code).containsExactly("DUPLICATE_EXTERNAL_ID");
    }

    @Test
    void refusesAFieldTheObjectLacks() {
        RecordResult result = org.write(RecordWrite.insert("Account", Map.of("Nope__c", "x")));

        assertThat(result).isEqualTo(RecordResult.failed(new RecordError("INVALID_FIELD",
                "No such column 'Nope__c' on sobject of type Account", List.of("Nope__c"))));
        assertThat(org.records("Account")).isEmpty();
    }

    @Test
    void refusesTheWritesItsRuleRefuses() {
        org.refuseWhen(write -> "Bad".equals(write.fields().get("Name"))
                ? new RecordError("FIELD_CUSTOM_VALIDATION_EXCEPTION", "no bad names") : null);

        assertThat(org.write(RecordWrite.insert("Account", Map.of("Name", "Bad"))).success()).isFalse();
        assertThat(org.write(RecordWrite.insert("Account", Map.of("Name", "Good"))).success()).isTrue();
        assertThat(org.records("Account")).extracting(r -> r.get("Name")).containsExactly("Good");
        assertThat(org.writes()).hasSize(2);
    }

    @Test
    void failsTheWritesItsFailureRuleFailsAsAnUnavailableOrgDoes() {
        RetriableException unavailable = new RetriableException("503");
        org.failWhen(write -> write.kind() == WriteKind.INSERT ? unavailable : null);

        assertThat(org.submit(RecordWrite.insert("Account", Map.of("Name", "x")))).isCompletedExceptionally();
        assertThatThrownBy(() -> org.submit(RecordWrite.insert("Account", Map.of("Name", "x"))).join())
                .isInstanceOf(CompletionException.class).hasCause(unavailable);
        assertThatThrownBy(() -> org.write(RecordWrite.insert("Account", Map.of("Name", "x")))).isSameAs(unavailable);
        assertThat(org.records("Account")).isEmpty();
        assertThat(org.writes()).hasSize(3);
    }

    @Test
    void answersTheQueriesTheEngineMakes() {
        String one = org.seed("Account", Map.of("Name", "It's one", "AccountNumber", "A-1",
                "AnnualRevenue", new BigDecimal("5.00")));
        org.seed("Account", Map.of("Name", "Two", "AccountNumber", "A-2"));

        assertThat(org.query("SELECT Id, name FROM Account WHERE accountnumber = 'a-1' LIMIT 2").records())
                .containsExactly(Map.of("Id", one, "Name", "It's one"));
        assertThat(org.query("SELECT Id FROM Account WHERE Name = 'It\\'s one' AND AnnualRevenue = 5 LIMIT 1")
                .records()).extracting(r -> r.get("Id")).containsExactly(one);
        assertThat(org.query("SELECT Id FROM Account WHERE AnnualRevenue = null").records()).hasSize(1);
        assertThat(org.query("SELECT Id FROM Account WHERE Name = 'Three'").records()).isEmpty();
        assertThat(org.query("SELECT Name FROM Account WHERE Id = '" + one + "' LIMIT 1").totalSize()).isEqualTo(1);
        assertThat(org.queries()).hasSize(5);
    }

    @Test
    void findsTheIdOfTheOneRecordThatMatches() {
        String one = org.seed("Account", Map.of("AccountNumber", "A-1"));
        org.seed("Account", Map.of("AccountNumber", "A-2"));
        org.seed("Account", Map.of("AccountNumber", "A-2"));

        assertThat(org.findId("Account", "AccountNumber", "A-1")).contains(one);
        assertThat(org.findId("Account", "AccountNumber", "A-3")).isEmpty();
        assertThatThrownBy(() -> org.findId("Account", "AccountNumber", "A-2"))
                .isInstanceOf(MappingException.class).hasMessage("more than one Account has AccountNumber = 'A-2'");
    }

    @Test
    void refusesAQueryItCannotRunNamingWhy() {
        assertThatThrownBy(() -> org.query("SELECT Id FROM Account"))
                .isInstanceOf(MappingException.class).hasMessageContaining("cannot run 'SELECT Id FROM Account'");
        assertThatThrownBy(() -> org.query("SELECT Id FROM Account WHERE Name = 'a' OR Name = 'b'"))
                .isInstanceOf(MappingException.class).hasMessageContaining("cannot read the conditions of");
        assertThatThrownBy(() -> org.query("SELECT Id FROM Account WHERE Name LIKE 'a%' AND Name = 'b'"))
                .isInstanceOf(MappingException.class).hasMessageContaining("from column 0");
        assertThatThrownBy(() -> org.query("SELECT Colour FROM Account WHERE Name = 'a'"))
                .isInstanceOf(MappingException.class)
                .hasMessage("No such column 'Colour' on entity 'Account' in 'SELECT Colour FROM Account WHERE "
                        + "Name = 'a''");
    }

    @Test
    void countsEveryCallAndLogsEveryWriteInOrder() {
        org.write(RecordWrite.insert("Account", Map.of("Name", "x")));
        org.query("SELECT Id FROM Account WHERE Name = 'x'");
        org.findId("Account", "Name", "x");

        assertThat(org.callCount()).isEqualTo(3);
        assertThat(org.writes()).extracting(RecordWrite::kind, RecordWrite::object)
                .containsExactly(tuple(WriteKind.INSERT, "Account"));
        assertThat(org.queries()).containsExactly("SELECT Id FROM Account WHERE Name = 'x'",
                "SELECT Id FROM Account WHERE Name = 'x' LIMIT 2");
    }
}
