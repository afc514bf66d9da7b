package org.openpayloads.api.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.api.config.ConfigDef;
import org.openpayloads.api.records.RecordClient;

class ConnectorsTest {

    @TempDir
    Path dir;

    @Test
    void loadsWhatTheServiceFilesList() throws IOException {
        Connectors connectors = Connectors.load(loaderListing(Alpha.class.getName(), Beta.class.getName()));

        assertThat(connectors.types()).containsExactly("alpha", "beta");
        assertThat(connectors.require("alpha")).isInstanceOf(Alpha.class);
        assertThat(connectors.require("beta", RecordConnector.class)).isInstanceOf(Beta.class);
        assertThat(connectors.find("gamma")).isEmpty();
    }

    @Test
    void aDuplicateTypeNamesBothClasses() throws IOException {
        assertThatThrownBy(() -> Connectors.load(loaderListing(Alpha.class.getName(), AnotherAlpha.class.getName())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Two connectors claim type 'alpha'")
                .hasMessageContaining(Alpha.class.getName())
                .hasMessageContaining(AnotherAlpha.class.getName());
    }

    @Test
    void aListedClassThatCannotBeMadeFailsStartUp() throws IOException {
        assertThatThrownBy(() -> Connectors.load(loaderListing("org.example.NoSuchConnector")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Connectors.SERVICE_FILE)
                .hasMessageContaining("org.example.NoSuchConnector");
    }

    @Test
    void aMissingTypeNamesTheInstalledOnes() {
        Connectors connectors = Connectors.of(List.of(new Alpha(), new Beta()));

        assertThatThrownBy(() -> connectors.require("salesforce"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No connector of type 'salesforce' is installed; installed: alpha, beta");
        assertThatThrownBy(() -> connectors.require("alpha", RecordConnector.class))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No RecordConnector of type 'alpha' is installed; installed: beta");
        assertThatThrownBy(() -> Connectors.of(List.of()).require("x"))
                .hasMessageEndingWith("installed: (none)");
    }

    @Test
    void aTypeMustBeLowerCase() {
        Connector shouty = new Alpha() {
            @Override
            public String type() {
                return "Sales Force";
            }
        };
        assertThatThrownBy(() -> Connectors.of(List.of(shouty)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has type 'Sales Force'; expected lower-case letters");
    }

    private ClassLoader loaderListing(String... classNames) throws IOException {
        Path file = dir.resolve(Connectors.SERVICE_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", classNames) + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    public static class Alpha implements Connector {
        @Override
        public String type() {
            return "alpha";
        }

        @Override
        public String description() {
            return "A test connector.";
        }

        @Override
        public ConfigDef configDef() {
            return new ConfigDef();
        }
    }

    public static class AnotherAlpha extends Alpha {
    }

    public static class Beta extends Alpha implements RecordConnector {
        @Override
        public String type() {
            return "beta";
        }

        @Override
        public RecordClient connect(ConnectorContext context, Map<String, String> config) {
            throw new UnsupportedOperationException("not needed here");
        }
    }
}
