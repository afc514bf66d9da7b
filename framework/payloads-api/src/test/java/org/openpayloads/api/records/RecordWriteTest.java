package org.openpayloads.api.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordWriteTest {

    @Test
    void factoriesMakeEachKind() {
        assertThat(RecordWrite.insert("Account", Map.of("Name", "Acme")).kind()).isEqualTo(WriteKind.INSERT);
        assertThat(RecordWrite.update("Account", "0017e00001W4GYRAA3", Map.of("Name", "Acme")).id())
                .isEqualTo("0017e00001W4GYRAA3");
        RecordWrite upsert = RecordWrite.upsert("Contact", "Email", Map.of("Email", "gob@example.com"));
        assertThat(upsert.externalIdValue()).isEqualTo("gob@example.com");
        assertThat(RecordWrite.delete("Account", "0017e00001W4GYRAA3").fields()).isEmpty();
        assertThat(RecordWrite.deleteByExternalId("Contact", "Email", "gob@example.com").externalIdValue())
                .isEqualTo("gob@example.com");
    }

    @Test
    void keepsNullValuesBecauseTheyBlankAField() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("Phone", null);
        RecordWrite write = RecordWrite.update("Account", "001", fields);
        fields.put("Name", "changed later");

        assertThat(write.fields()).containsEntry("Phone", null).doesNotContainKey("Name");
        assertThatThrownBy(() -> write.fields().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anUpsertNeedsItsExternalIdValue() {
        assertThatThrownBy(() -> RecordWrite.upsert("Contact", "Email", Map.of("LastName", "Bluth")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an UPSERT of Contact by Email needs a value for Email in its fields, but it was missing");
        assertThatThrownBy(() -> RecordWrite.upsert("Contact", "Email", Map.of("Email", " ")))
                .hasMessageEndingWith("but it was blank");
        assertThatThrownBy(() -> new RecordWrite(WriteKind.UPSERT, "Contact", null, null, Map.of()))
                .hasMessage("an UPSERT of Contact needs externalIdField");
        assertThatThrownBy(() -> new RecordWrite(WriteKind.UPSERT, "Contact", "Email", "003", Map.of("Email", "a")))
                .hasMessage("an UPSERT of Contact cannot have id (was '003')");
    }

    @Test
    void updatesAndDeletesNeedAnId() {
        assertThatThrownBy(() -> new RecordWrite(WriteKind.UPDATE, "Account", null, null, Map.of()))
                .hasMessage("an UPDATE of Account needs id");
        assertThatThrownBy(() -> new RecordWrite(WriteKind.DELETE, "Account", null, null, Map.of()))
                .hasMessage("a DELETE of Account needs either an id or an external id field, not neither");
        assertThatThrownBy(() -> new RecordWrite(WriteKind.DELETE, "Account", "Ext__c", "001", Map.of("Ext__c", "1")))
                .hasMessageEndingWith("not both");
        assertThatThrownBy(() -> new RecordWrite(WriteKind.INSERT, "Account", null, "001", Map.of()))
                .hasMessage("an INSERT of Account cannot have id (was '001')");
    }

    @Test
    void namesAndIdsCannotSmuggleAPath() {
        assertThatThrownBy(() -> RecordWrite.insert("../limits", Map.of()))
                .hasMessageStartingWith("object was '../limits'; expected an API name");
        assertThatThrownBy(() -> RecordWrite.upsert("Contact", "Email/x", Map.of("Email/x", "a")))
                .hasMessageStartingWith("externalIdField was 'Email/x'");
        assertThatThrownBy(() -> RecordWrite.delete("Account", "001?x=1"))
                .hasMessageStartingWith("id of DELETE Account was '001?x=1'; expected a record id");
    }
}
