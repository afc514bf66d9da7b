package org.openpayloads.org.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgTesting;

class CompositeEndpointTest {

    private static final Map<String, JsonNode> ANSWERED = Map.of(
            "acct", OrgTesting.parse("{\"id\": \"0017e00001W4GYRAA3\", \"success\": true}"),
            "q", OrgTesting.parse("{\"records\": [{\"Id\": \"003A\", \"Account\": {\"Name\": \"Acme\"}}]}"));

    @Test
    void referencesResolveToEarlierAnswers() {
        assertThat(CompositeEndpoint.substitute("/sobjects/Account/@{acct.id}", ANSWERED, "r"))
                .isEqualTo("/sobjects/Account/0017e00001W4GYRAA3");
        assertThat(CompositeEndpoint.substitute("@{q.records[0].Id}-@{q.records[0].Account.Name}", ANSWERED, "r"))
                .isEqualTo("003A-Acme");
        assertThat(CompositeEndpoint.substitute("no references", ANSWERED, "r")).isEqualTo("no references");
    }

    @Test
    void aReferenceToNothingSaysWhich() {
        assertThatThrownBy(() -> CompositeEndpoint.substitute("@{acct.name}", ANSWERED, "later"))
                .hasMessageContaining("No value for acct.name found in acct");
        assertThatThrownBy(() -> CompositeEndpoint.substitute("@{missing.id}", ANSWERED, "later"))
                .hasMessageContaining("Invalid reference specified");
        assertThatThrownBy(() -> CompositeEndpoint.substitute("@{q.records[3].Id}", ANSWERED, "later"))
                .hasMessageContaining("q.records[3].Id");
    }
}
