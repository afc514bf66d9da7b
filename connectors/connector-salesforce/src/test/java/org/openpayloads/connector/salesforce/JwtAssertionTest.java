package org.openpayloads.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtAssertionTest {

    @Test
    void signsRs256WithTheClaimsSalesforceExpects() throws Exception {
        Instant now = Instant.parse("2026-11-20T10:15:30Z");
        String jwt = JwtAssertion.sign("3MVG9", "ann@example.com", "https://login.salesforce.com",
                PrivateKeys.parsePem(TestKeys.PRIVATE_PEM), now);
        String[] parts = jwt.split("\\.");

        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)).isEqualTo("{\"alg\":\"RS256\"}");
        assertThat(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).isEqualTo(
                "{\"iss\":\"3MVG9\",\"sub\":\"ann@example.com\",\"aud\":\"https://login.salesforce.com\",\"exp\":"
                        + now.plus(JwtAssertion.LIFETIME).getEpochSecond() + "}");
        assertThat(jwt).doesNotContain("=", "+", "/");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(TestKeys.PAIR.getPublic());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }
}
