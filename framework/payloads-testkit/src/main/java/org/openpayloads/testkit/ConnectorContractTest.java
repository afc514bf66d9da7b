package org.openpayloads.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.config.ConfigDef;
import org.openpayloads.api.connector.Connector;
import org.openpayloads.api.connector.RecordConnector;

/**
 * The invariants every connector keeps. A connector's test extends this class and supplies the
 * connector and a valid sample configuration:
 *
 * <pre>{@code
 * class SalesforceConnectorTest extends ConnectorContractTest {
 *     protected Connector connector() { return new SalesforceConnector(); }
 *     protected Map<String, String> sampleConfig() { return Map.of("clientId", "x", "clientSecret", "y"); }
 * }
 * }</pre>
 *
 * <p>Secrets are checked hardest: no SECRET option's value, valid or not, may appear in a validation
 * message, an exception (its message, causes or {@code toString}), a request's {@code toString}, or a
 * warning, whatever a misbehaving peer answers, including a peer that echoes the request back.
 */
public abstract class ConnectorContractTest {

    /** Set to {@code true} to rewrite the README's config table instead of failing on a stale one. */
    public static final String UPDATE_README_PROPERTY = "payloads.readme.update";

    private static final Duration CONNECT_BUDGET = Duration.ofSeconds(30);

    /** The connector under test, as ServiceLoader would make it. */
    protected abstract Connector connector();

    /** A configuration that validates cleanly. Keep its retries fast: the contract connects with it. */
    protected abstract Map<String, String> sampleConfig();

    /** Every sample worth checking, for example one per authentication flow. */
    protected List<Map<String, String>> sampleConfigs() {
        return List.of(sampleConfig());
    }

    /** The connector's page, whose config table must match the definition. Relative to the module. */
    protected Path readme() {
        return Path.of("README.md");
    }

    @Test
    public void typeIsNonBlankAndLowerCase() {
        String type = connector().type();
        assertTrue(type.matches("[a-z][a-z0-9-]*"),
                () -> "type was '" + type + "'; expected lower-case letters, digits and dashes, starting with a letter");
    }

    @Test
    public void serviceLoaderFindsExactlyOneConnectorOfThisType() {
        Connector connector = connector();
        List<String> classes = ServiceLoader.load(Connector.class, connector.getClass().getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).filter(c -> c.type().equals(connector.type()))
                .map(c -> c.getClass().getName()).toList();
        assertEquals(List.of(connector.getClass().getName()), classes,
                () -> "expected exactly " + connector.getClass().getName() + " for type '" + connector.type()
                        + "' in META-INF/services/" + Connector.class.getName() + ", found " + classes);
    }

    @Test
    public void documentationIsNonBlank() {
        Connector connector = connector();
        assertFalse(connector.description().isBlank(), "description() is blank; say what the connector connects to");
        for (ConfigDef.Key key : connector.configDef().keys().values()) {
            assertFalse(key.documentation().isBlank(), () -> "option '" + key.name() + "' has no documentation");
            assertFalse(key.group().isBlank(), () -> "option '" + key.name() + "' has no group");
        }
    }

    @Test
    public void secretsHaveNoDefault() {
        for (ConfigDef.Key key : connector().configDef().keys().values()) {
            if (key.isSecret()) {
                assertNull(key.defaultValue(), () -> "secret option '" + key.name() + "' has a default value, which "
                        + "the docs table would publish; make the user supply it");
            }
        }
    }

    @Test
    public void sampleConfigsValidate() {
        for (Map<String, String> sample : sampleConfigs()) {
            List<FieldError> errors = connector().validate(sample);
            assertTrue(errors.isEmpty(), () -> "a sample config does not validate: " + errors);
        }
    }

    @Test
    public void anEmptyConfigReportsEveryRequiredOption() {
        Set<String> reported = connector().validate(Map.of()).stream().map(FieldError::field)
                .collect(Collectors.toSet());
        for (ConfigDef.Key key : connector().configDef().keys().values()) {
            if (key.required() == ConfigDef.Required.YES) {
                assertTrue(reported.contains(key.name()), () -> "validating an empty config did not report required "
                        + "option '" + key.name() + "'; it reported " + reported + " (report every problem, not the first)");
            }
        }
    }

    @Test
    public void validationNeverEchoesASecret() {
        for (Map<String, String> sample : sampleConfigs()) {
            for (ConfigDef.Key secret : secretKeys()) {
                String marker = marker(secret.name());
                Set<String> secrets = secretsOf(sample);
                secrets.add(marker);
                for (Map<String, String> bad : badVariants(sample, secret.name(), marker)) {
                    List<FieldError> errors = connector().validate(bad);
                    for (FieldError error : errors) {
                        assertNoSecret("validation message for '" + error.field() + "'", error.message(), secrets);
                    }
                    if (!errors.isEmpty()) {
                        ConfigException e = new ConfigException(errors);
                        assertNoSecret("ConfigException", e.toString(), secrets);
                    }
                }
            }
        }
    }

    @Test
    public void connectingWithBadInputNeverLeaksASecret() {
        Assumptions.assumeTrue(connector() instanceof RecordConnector, "not a record connector");
        RecordConnector connector = (RecordConnector) connector();
        for (Map<String, String> sample : sampleConfigs()) {
            List<Map<String, String>> configs = new ArrayList<>();
            configs.add(sample);
            for (ConfigDef.Key secret : secretKeys()) {
                configs.add(with(sample, secret.name(), marker(secret.name())));
            }
            for (Map<String, String> config : configs) {
                Set<String> secrets = secretsOf(config);
                for (BadPeer.Behaviour behaviour : BadPeer.Behaviour.values()) {
                    BadPeer peer = new BadPeer(behaviour);
                    List<String> seen = assertTimeout(CONNECT_BUDGET, () -> peer.exercise(connector, config),
                            () -> "connecting to a peer that " + behaviour.description + " took too long");
                    for (String text : seen) {
                        assertNoSecret("with a peer that " + behaviour.description, text, secrets);
                    }
                }
            }
        }
    }

    @Test
    public void readmeHoldsTheGeneratedConfigTable() throws IOException {
        Path readme = readme();
        assertTrue(Files.isRegularFile(readme), () -> "no connector page at " + readme.toAbsolutePath()
                + "; write one with a runnable example and the markers " + ConfigTable.BEGIN + " / " + ConfigTable.END);
        String document = Files.readString(readme);
        String expected = ConfigTable.markdown(connector().configDef());
        String actual = ConfigTable.extract(document).orElse(null);
        if (expected.equals(actual)) {
            return;
        }
        if (Boolean.getBoolean(UPDATE_README_PROPERTY) && actual != null) {
            Files.writeString(readme, ConfigTable.replace(document, expected));
            return;
        }
        fail(readme + "'s config table " + (actual == null ? "markers are missing" : "is stale")
                + "; run the tests with -D" + UPDATE_README_PROPERTY + "=true to rewrite it, or paste:\n" + expected);
    }

    private List<ConfigDef.Key> secretKeys() {
        return connector().configDef().keys().values().stream().filter(ConfigDef.Key::isSecret).toList();
    }

    private Set<String> secretsOf(Map<String, String> config) {
        Set<String> secrets = new LinkedHashSet<>();
        for (ConfigDef.Key key : secretKeys()) {
            String value = config.get(key.name());
            if (value != null && value.strip().length() >= 4) {
                secrets.add(value.strip());
            }
        }
        return secrets;
    }

    /** The sample with the secret set to the marker, alone and with every other option broken too. */
    private List<Map<String, String>> badVariants(Map<String, String> sample, String secret, String marker) {
        Map<String, String> withMarker = with(sample, secret, marker);
        Map<String, String> everythingWrong = new LinkedHashMap<>(withMarker);
        for (ConfigDef.Key key : connector().configDef().keys().values()) {
            if (!key.name().equals(secret)) {
                everythingWrong.put(key.name(), key.isSecret() ? "x" : "not-a-valid-value \u0000");
            }
        }
        everythingWrong.put("contractTestUnknownOption", "x");
        return List.of(withMarker, everythingWrong, with(Map.of(), secret, marker));
    }

    private static Map<String, String> with(Map<String, String> config, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(config);
        copy.put(key, value);
        return copy;
    }

    private static String marker(String secretName) {
        return "contract-" + secretName + "-" + UUID.randomUUID().toString().replace("-", "");
    }

    private static void assertNoSecret(String where, String text, Set<String> secrets) {
        for (String secret : secrets) {
            if (text.contains(secret)) {
                fail(where + " contains a secret value; show [hidden] instead. Text: "
                        + text.replace(secret, "<<SECRET>>"));
            }
        }
    }
}
