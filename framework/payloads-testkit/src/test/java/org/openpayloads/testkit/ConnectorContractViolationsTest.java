package org.openpayloads.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.PayloadsException;
import org.openpayloads.api.config.ConfigDef;
import org.openpayloads.api.config.ConfigDef.Required;
import org.openpayloads.api.config.ConfigDef.Type;
import org.openpayloads.api.connector.Connector;
import org.openpayloads.api.connector.ConnectorContext;
import org.openpayloads.api.records.RecordClient;

/** Each invariant fails, with a useful message, for a connector that breaks it. */
class ConnectorContractViolationsTest {

    @TempDir
    Path dir;

    @Test
    void aValidatorThatEchoesASecretFails() {
        Connector leaky = new MinimalConnector() {
            @Override
            public List<FieldError> validate(Map<String, String> config) {
                return List.of(new FieldError("token", "'" + config.get("token") + "' looks wrong"));
            }
        };
        assertThatThrownBy(() -> contractFor(leaky).validationNeverEchoesASecret())
                .isInstanceOf(AssertionError.class).hasMessageContaining("contains a secret value")
                .hasMessageContaining("<<SECRET>>");
    }

    @Test
    void aClientThatPutsTheSecretInAnExceptionFails() {
        Connector leaky = new MinimalConnector() {
            @Override
            public RecordClient connect(ConnectorContext context, Map<String, String> config) {
                throw new PayloadsException("could not log in with token " + config.get("token"));
            }
        };
        assertThatThrownBy(() -> contractFor(leaky).connectingWithBadInputNeverLeaksASecret())
                .isInstanceOf(AssertionError.class).hasMessageContaining("contains a secret value");
    }

    @Test
    void validationThatStopsAtTheFirstProblemFails() {
        Connector lazy = new MinimalConnector() {
            @Override
            public List<FieldError> validate(Map<String, String> config) {
                return List.of(new FieldError("token", "is required"));
            }
        };
        assertThatThrownBy(() -> contractFor(lazy).anEmptyConfigReportsEveryRequiredOption())
                .isInstanceOf(AssertionError.class).hasMessageContaining("did not report required option 'url'");
    }

    @Test
    void anUpperCaseTypeAndBlankDocsFail() {
        Connector sloppy = new MinimalConnector() {
            @Override
            public String type() {
                return "Minimal";
            }

            @Override
            public ConfigDef configDef() {
                return new ConfigDef().define("token", Type.SECRET, "default-token", ConfigDef.Validator.NONE, " ", "");
            }
        };
        ConnectorContractTest contract = contractFor(sloppy);
        assertThatThrownBy(contract::typeIsNonBlankAndLowerCase).hasMessageContaining("type was 'Minimal'");
        assertThatThrownBy(contract::documentationIsNonBlank).hasMessageContaining("option 'token' has no documentation");
        assertThatThrownBy(contract::secretsHaveNoDefault).hasMessageContaining("secret option 'token' has a default");
        assertThatThrownBy(contract::serviceLoaderFindsExactlyOneConnectorOfThisType)
                .hasMessageContaining("for type 'Minimal'");
    }

    @Test
    void aStaleReadmeFailsWithTheTableToPaste() throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# Minimal\n" + ConfigTable.BEGIN + "\n| old |\n" + ConfigTable.END + "\n");
        ConnectorContractTest contract = contractFor(new MinimalConnector(), readme);

        assertThatThrownBy(contract::readmeHoldsTheGeneratedConfigTable)
                .hasMessageContaining("config table is stale").hasMessageContaining("| `url` | URL |");

        System.setProperty(ConnectorContractTest.UPDATE_README_PROPERTY, "true");
        try {
            contract.readmeHoldsTheGeneratedConfigTable();
        } finally {
            System.clearProperty(ConnectorContractTest.UPDATE_README_PROPERTY);
        }
        assertThat(ConfigTable.extract(Files.readString(readme)))
                .isEqualTo(Optional.of(ConfigTable.markdown(new MinimalConnector().configDef())));
    }

    @Test
    void aRequiredOptionMissingFromTheDefinitionIsStillNotInvented() {
        Connector none = new MinimalConnector() {
            @Override
            public ConfigDef configDef() {
                return new ConfigDef().define("region", Type.STRING, Required.NO, "g", "The region.");
            }
        };
        contractFor(none).anEmptyConfigReportsEveryRequiredOption();
    }

    private ConnectorContractTest contractFor(Connector connector) {
        return contractFor(connector, Path.of("src/test/resources/minimal-connector.md"));
    }

    private static ConnectorContractTest contractFor(Connector connector, Path readme) {
        return new ConnectorContractTest() {
            @Override
            protected Connector connector() {
                return connector;
            }

            @Override
            protected Map<String, String> sampleConfig() {
                return Map.of("url", "https://records.example.com/in", "token", "tok-123456");
            }

            @Override
            protected Path readme() {
                return readme;
            }
        };
    }
}
