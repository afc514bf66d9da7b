package org.openpayloads.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.records.RecordWrite;

class PendingTest {

    @Test
    void knowsWhichRecordAWriteTouchesWhenItCan() {
        assertThat(Pending.of(RecordWrite.insert("Account", Map.of("Name", "a"))).identity()).isNull();
        assertThat(Pending.of(RecordWrite.update("Account", "001A", Map.of())).identity()).isEqualTo("001A");
        assertThat(Pending.of(RecordWrite.delete("Account", "001A")).identity()).isEqualTo("001A");
        assertThat(Pending.of(RecordWrite.upsert("Contact", "Email", Map.of("Email", "GOB@Example.com"))).identity())
                .as("external ids match without case").isEqualTo("gob@example.com");
    }
}
