package org.openpayloads.sample.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openpayloads.testkit.Fixtures;

class WebhookSignerTest {

    @Test
    void signsStripesOwnTestVectorAsStripeDoes() throws IOException {
        JsonNode vector = new ObjectMapper().readTree(Fixtures.bytes("stripe/webhook-signature-vector.json"));
        byte[] payload = Fixtures.bytes("stripe/" + vector.path("payload_file").asText());

        String header = WebhookSigner.header(payload, vector.path("secret").asText(),
                vector.path("timestamp").asLong());

        assertThat(header).isEqualTo("t=" + vector.path("timestamp").asLong() + ",v1="
                + vector.path("expected_v1").asText());
    }

    @Test
    void refusesAnEmptySecret() {
        assertThatThrownBy(() -> WebhookSigner.header(new byte[0], "", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whsec_");
    }
}
