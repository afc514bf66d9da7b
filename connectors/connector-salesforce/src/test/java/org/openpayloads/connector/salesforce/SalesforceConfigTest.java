package org.openpayloads.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesforceConfigTest {

    private final SalesforceConnector connector = new SalesforceConnector();

    @Test
    void typesTheValidatedValuesWithDefaults() {
        SalesforceConfig config = config(Map.of("clientId", " 3MVG9 ", "clientSecret", "s", "loginUrl", "https://test.salesforce.com/"));

        assertThat(config.loginUrl()).hasToString("https://test.salesforce.com");
        assertThat(config.tokenUri()).hasToString("https://test.salesforce.com/services/oauth2/token");
        assertThat(config.dataPath()).isEqualTo("/services/data/v62.0");
        assertThat(config.clientId()).isEqualTo("3MVG9");
        assertThat(config.flow()).isEqualTo(Flow.CLIENT_CREDENTIALS);
        assertThat(config.batchSize()).isEqualTo(200);
        assertThat(config.linger()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.maxRetries()).isEqualTo(4);
        assertThat(config.retryBase()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.limitWarnPercent()).isEqualTo(80);
        assertThat(config.maxQueryRecords()).isEqualTo(10_000);
    }

    @Test
    void toStringAndRedactHideEverySecret() {
        SalesforceConfig config = config(Map.of("flow", "PASSWORD", "clientId", "id", "clientSecret", "cs-9f2e",
                "username", "ann", "password", "p@ss word"));

        assertThat(config.toString()).contains("clientSecret=[hidden]", "password=[hidden]", "privateKey=(none)")
                .doesNotContain("cs-9f2e", "p@ss word");
        assertThat(config.redact("echo cs-9f2e and p@ss word and p%40ss+word")).isEqualTo("echo [hidden] and [hidden] and [hidden]");
        SalesforceConfig jwt = config(Map.of("flow", "JWT", "clientId", "id", "username", "ann", "privateKey", TestKeys.PRIVATE_PEM));
        assertThat(jwt.privateKey()).isNotNull();
        assertThat(jwt.toString()).contains("privateKey=[hidden]").doesNotContain("BEGIN PRIVATE KEY");
    }

    private SalesforceConfig config(Map<String, String> values) {
        assertThat(connector.validate(values)).isEmpty();
        return SalesforceConfig.from(connector.configDef().parse(values));
    }
}
