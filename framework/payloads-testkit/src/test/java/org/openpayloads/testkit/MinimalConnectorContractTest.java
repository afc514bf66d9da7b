package org.openpayloads.testkit;

import java.nio.file.Path;
import java.util.Map;
import org.openpayloads.api.connector.Connector;

/** The contract holds for a well-behaved connector. */
class MinimalConnectorContractTest extends ConnectorContractTest {

    @Override
    protected Connector connector() {
        return new MinimalConnector();
    }

    @Override
    protected Map<String, String> sampleConfig() {
        return Map.of("url", "https://records.example.com/in", "token", "tok-123456");
    }

    @Override
    protected Path readme() {
        return Path.of("src/test/resources/minimal-connector.md");
    }
}
