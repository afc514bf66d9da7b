package org.openpayloads.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.connector.ConnectorContext;
import org.openpayloads.api.connector.Connectors;
import org.openpayloads.api.connector.RecordConnector;
import org.openpayloads.testkit.ConnectorContractTest;

class SalesforceConnectorTest extends ConnectorContractTest {

    private static final Map<String, String> CLIENT_CREDENTIALS = Map.of("loginUrl", "https://login.salesforce.com",
            "clientId", "3MVG9.consumer.key", "clientSecret", "consumer-secret-31a7", "retryBaseMillis", "1");

    private final SalesforceConnector connector = new SalesforceConnector();

    @Override
    protected SalesforceConnector connector() {
        return connector;
    }

    @Override
    protected Map<String, String> sampleConfig() {
        return CLIENT_CREDENTIALS;
    }

    @Override
    protected List<Map<String, String>> sampleConfigs() {
        return List.of(CLIENT_CREDENTIALS,
                Map.of("flow", "JWT", "clientId", "3MVG9.consumer.key", "username", "integration@example.com",
                        "privateKey", TestKeys.PRIVATE_PEM, "retryBaseMillis", "1"),
                Map.of("flow", "PASSWORD", "loginUrl", "https://test.salesforce.com", "clientId", "3MVG9.consumer.key",
                        "username", "integration@example.com", "password", "hunter2-and-token-Xy7", "retryBaseMillis", "1"));
    }

    @Test
    void isFoundAsARecordConnector() {
        Connectors connectors = Connectors.load(getClass().getClassLoader());
        assertThat(connectors.require("salesforce", RecordConnector.class)).isInstanceOf(SalesforceConnector.class);
    }

    @Test
    void anEmptyConfigNamesClientIdAndTheDefaultFlowsSecret() {
        assertThat(connector.validate(Map.of())).extracting(FieldError::field)
                .containsExactlyInAnyOrder("clientId", "clientSecret");
        assertThat(connector.validate(Map.of())).filteredOn(e -> e.field().equals("clientSecret")).singleElement()
                .extracting(FieldError::message).asString().startsWith("is required when flow is CLIENT_CREDENTIALS");
    }

    @Test
    void eachFlowRequiresItsOwnCredentials() {
        assertThat(fieldsOf(connector.validate(Map.of("clientId", "x", "flow", "JWT"))))
                .containsExactlyInAnyOrder("privateKey", "username");
        assertThat(fieldsOf(connector.validate(Map.of("clientId", "x", "flow", "PASSWORD"))))
                .containsExactlyInAnyOrder("username", "password");
        assertThat(connector.validate(Map.of("clientId", "x", "flow", "PASSWORD", "username", "u", "password", "p")))
                .as("PASSWORD sends clientSecret when given, but an app may not require it").isEmpty();
        assertThat(fieldsOf(connector.validate(Map.of("clientId", "x", "flow", "MAGIC")))).containsExactly("flow");
    }

    @Test
    void blankCountsAsMissing() {
        assertThat(fieldsOf(connector.validate(Map.of("clientId", " ", "clientSecret", "  "))))
                .containsExactlyInAnyOrder("clientId", "clientSecret");
    }

    @Test
    void reportsEveryInvalidValueAtOnce() {
        Map<String, String> bad = new HashMap<>(CLIENT_CREDENTIALS);
        bad.putAll(Map.of("loginUrl", "https://login.salesforce.com/services/oauth2/token", "apiVersion", "45.0",
                "batchSize", "500", "lingerMillis", "soon", "maxRetries", "-1", "requestTimeoutSeconds", "0",
                "limitWarnPercent", "101", "retryBaseMillis", "0", "maxQueryRecords", "0", "colour", "red"));
        List<FieldError> errors = connector.validate(bad);

        assertThat(fieldsOf(errors)).containsExactlyInAnyOrder("loginUrl", "apiVersion", "batchSize", "lingerMillis",
                "maxRetries", "requestTimeoutSeconds", "limitWarnPercent", "retryBaseMillis", "maxQueryRecords", "colour");
        assertThat(message(errors, "loginUrl")).contains("has a path or query; expected only scheme and host");
        assertThat(message(errors, "apiVersion")).contains("'45.0' is too old; expected 46.0 or later");
        assertThat(message(errors, "batchSize")).isEqualTo("value '500' is out of range; expected 1 to 200");
        assertThat(message(errors, "lingerMillis")).isEqualTo("value 'soon' is not a whole number");
        assertThat(connector.validate(Map.of("clientId", "x", "clientSecret", "y", "apiVersion", "v62")))
                .extracting(FieldError::message).containsExactly("value 'v62' is not an API version; expected for example 62.0");
        assertThat(connector.validate(Map.of("clientId", "x", "clientSecret", "y", "loginUrl", "login.salesforce.com")))
                .extracting(FieldError::message).containsExactly("value 'login.salesforce.com' is not an absolute http(s) URL");
    }

    @Test
    void explainsWhatIsWrongWithAPrivateKeyWithoutQuotingIt() {
        Map<String, String> jwt = Map.of("flow", "JWT", "clientId", "x", "username", "u");
        String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nMIIEsecretbits\n-----END RSA PRIVATE KEY-----";
        String encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIEsecretbits\n-----END ENCRYPTED PRIVATE KEY-----";
        String garbled = "-----BEGIN PRIVATE KEY-----\nMIIEsecretbits\n-----END PRIVATE KEY-----";

        assertThat(keyProblem(jwt, pkcs1)).contains("PKCS#1", "openssl pkcs8 -topk8").doesNotContain("MIIEsecretbits");
        assertThat(keyProblem(jwt, encrypted)).contains("is encrypted").doesNotContain("MIIEsecretbits");
        assertThat(keyProblem(jwt, garbled)).contains("not a readable RSA key").doesNotContain("MIIEsecretbits");
        assertThat(keyProblem(jwt, "just text")).contains("is not a PEM private key");
    }

    @Test
    void connectRefusesABadConfigWithEveryError() {
        ConnectorContext context = ConnectorContext.of(call -> {
            throw new AssertionError("must not call out");
        });
        assertThatThrownBy(() -> connector.connect(context, Map.of("flow", "JWT", "privateKey", "nope")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(fieldsOf(e.errors()))
                        .containsExactlyInAnyOrder("clientId", "username", "privateKey"));
    }

    @Test
    void connectingDoesNotCallTheOrg() {
        ConnectorContext context = ConnectorContext.of(call -> {
            throw new AssertionError("must not call out");
        });
        try (var client = connector.connect(context, CLIENT_CREDENTIALS)) {
            assertThat(client.callCount()).isZero();
            assertThat(client.toString()).contains("CLIENT_CREDENTIALS", "3MVG9.consumer.key")
                    .doesNotContain("consumer-secret-31a7");
        }
    }

    private String keyProblem(Map<String, String> base, String key) {
        Map<String, String> config = new HashMap<>(base);
        config.put("privateKey", key);
        return message(connector.validate(config), "privateKey");
    }

    private static List<String> fieldsOf(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    private static String message(List<FieldError> errors, String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst().orElseThrow();
    }
}
