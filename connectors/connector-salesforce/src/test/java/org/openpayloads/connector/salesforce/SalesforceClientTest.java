package org.openpayloads.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;

class SalesforceClientTest {

    private final OrgStub org = new OrgStub();

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void aClosedClientRefusesEverythingAndClosingTwiceIsHarmless() {
        SalesforceClient client = org.connect();
        client.close();
        client.close();

        assertThat(client.toString()).endsWith(", closed]");
        assertThatThrownBy(() -> client.query("SELECT Id FROM Account")).isInstanceOf(IllegalStateException.class)
                .hasMessage("The Salesforce client is closed, so it cannot run a query; open a new one");
        assertThatThrownBy(() -> client.findId("Account", "Name", "x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> client.describe("Account")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCallerCannotCompleteTheClientsOwnFuture() {
        org.tokenOk();
        org.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(OrgStub.DATA + "/sobjects/Account"))
                .willReturn(OrgStub.fixtureAnswer(201, "sobject-create-success.json")));
        try (SalesforceClient client = org.connect("batchSize", "1")) {
            CompletableFuture<RecordResult> mine = client.submit(RecordWrite.insert("Account", Map.of("Name", "a")));
            mine.complete(RecordResult.ok("forged", true));
            assertThat(client.write(RecordWrite.insert("Account", Map.of("Name", "b"))).id()).isEqualTo("some_id");
        }
    }

    @Test
    void toStringNamesTheConnectionButNoSecret() {
        try (SalesforceClient client = org.connect()) {
            assertThat(client.toString()).contains(org.url(), "CLIENT_CREDENTIALS", "3MVG9test.client.id", "calls=0")
                    .doesNotContain(OrgStub.CLIENT_SECRET);
        }
    }
}
