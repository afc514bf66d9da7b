package org.openpayloads.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openpayloads.api.config.ConfigDef;
import org.openpayloads.api.config.ConfigDef.Required;
import org.openpayloads.api.config.ConfigDef.Type;
import org.openpayloads.api.config.ConfigDef.Validator;

class ConfigTableTest {

    private final ConfigDef def = new ConfigDef()
            .define("clientId", Type.STRING, Required.YES, "auth", "The consumer key.")
            .define("clientSecret", Type.SECRET, Required.NO, "auth", "The consumer secret | or none.")
            .define("batchSize", Type.INT, "200", Validator.between(1, 200), "batching", "Records per\nrequest.");

    @Test
    void rendersOneRowPerOptionInOrder() {
        assertThat(ConfigTable.markdown(def)).isEqualTo("""
                | Option | Type | Default | Group | Description |
                |---|---|---|---|---|
                | `clientId` | STRING | **required** | auth | The consumer key. |
                | `clientSecret` | SECRET | – | auth | The consumer secret \\| or none. |
                | `batchSize` | INT | `200` | batching | Records per request. |
                """);
    }

    @Test
    void extractsAndReplacesBetweenTheMarkers() {
        String doc = "# Title\n\n" + ConfigTable.BEGIN + "\nold\n" + ConfigTable.END + "\nmore\n";

        assertThat(ConfigTable.extract(doc)).contains("old\n");
        String updated = ConfigTable.replace(doc, ConfigTable.markdown(def));
        assertThat(ConfigTable.extract(updated)).contains(ConfigTable.markdown(def));
        assertThat(updated).startsWith("# Title").endsWith(ConfigTable.END + "\nmore\n");
        assertThat(ConfigTable.extract("no markers")).isEmpty();
        assertThatThrownBy(() -> ConfigTable.replace("no markers", "t")).hasMessageContaining("has no");
    }
}
