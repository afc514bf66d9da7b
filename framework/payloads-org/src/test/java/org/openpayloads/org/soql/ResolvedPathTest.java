package org.openpayloads.org.soql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResolvedPathTest {

    private static final ResolvedPath ACCOUNT_PARENT_NAME = new ResolvedPath("Account.Parent.Name",
            List.of("Account", "Parent"), "Name", "string", FieldKind.TEXT);

    @Test
    void readsThroughParents() {
        TestRecord contact = TestRecord.of("LastName", "Bluth")
                .parent("Account", TestRecord.of("Name", "Bluth Co").parent("Parent", TestRecord.of("Name", "Sitwell")));

        assertThat(ACCOUNT_PARENT_NAME.read(contact)).isEqualTo("Sitwell");
    }

    @Test
    void readsAMissingParentAsNull() {
        TestRecord contact = TestRecord.of("LastName", "Bluth").parent("Account", TestRecord.of("Name", "Bluth Co"));

        assertThat(ACCOUNT_PARENT_NAME.read(contact)).isNull();
        assertThat(ACCOUNT_PARENT_NAME.read(TestRecord.of())).isNull();
    }

    @Test
    void readsAMissingCheckboxAsFalse() {
        ResolvedPath active = new ResolvedPath("Account.Active__c", List.of("Account"), "Active__c", "boolean",
                FieldKind.BOOLEAN);

        assertThat(active.read(TestRecord.of())).isEqualTo(false);
        assertThat(active.read(TestRecord.of().parent("Account", TestRecord.of("Active__c", true)))).isEqualTo(true);
    }
}
