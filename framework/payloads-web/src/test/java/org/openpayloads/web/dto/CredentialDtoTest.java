package org.openpayloads.web.dto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialDtoTest {

    @Test
    void toStringHidesSecretValues() {
        CredentialDto dto = new CredentialDto("stripe", "Stripe", "STRIPE", Map.of(), Map.of("apiKey", "sk_live_123"),
                null, null, null, null, null);

        assertThat(dto.toString()).contains("apiKey").doesNotContain("sk_live_123");
    }

    @Test
    void withApiNameOrFillsOnlyAnAbsentName() {
        CredentialDto unnamed = new CredentialDto(null, "K", "API_KEY", null, null, null, null, null, null, null);

        assertThat(unnamed.withApiNameOr("key").apiName()).isEqualTo("key");
        assertThat(unnamed.withApiNameOr("key").withApiNameOr("other").apiName()).isEqualTo("key");
    }
}
