package org.openpayloads.web.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.model.AuthType;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.web.InMemoryCredentials;
import org.openpayloads.web.InMemoryIntegrations;
import org.openpayloads.web.InMemoryPayloads;
import org.openpayloads.web.json.ApiJson;

/** The importer over in-memory repositories, with the sample bundle the server ships. */
class BundleImporterTest {

    private static final Path STRIPE_BUNDLE = Path.of("../../sample-stripe/bundle/stripe.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock = Clock.systemUTC();
    private final InMemoryCredentials credentials = new InMemoryCredentials(clock);
    private final ConfigurationService config = new ConfigurationService(new InMemoryIntegrations(clock),
            new InMemoryPayloads(clock), credentials);
    private final List<JsonNode> orgSections = new ArrayList<>();
    private final BundleImporter importer = new BundleImporter(config, ApiJson.newMapper(), section -> {
        orgSections.add(section);
        return List.of("Account.Stripe_Customer_Id__c");
    });

    @Test
    void theStripeSampleImportsThroughTheAdminApisChecks() throws IOException {
        JsonNode bundle = JSON.readTree(STRIPE_BUNDLE.toFile());

        BundleImporter.Imported imported = importer.importBundle(bundle,
                Map.of("STRIPE_WEBHOOK_SECRET", "whsec_from_the_environment")::get, "sample");

        assertThat(imported.integration()).isEqualTo("stripe");
        assertThat(imported.payloads()).containsExactly("charge");
        assertThat(imported.credentials()).containsExactly("stripe");
        assertThat(imported.orgChanges()).containsExactly("Account.Stripe_Customer_Id__c");
        assertThat(orgSections).singleElement().satisfies(section ->
                assertThat(section.path("fields").path("Account").get(0).path("name").asText())
                        .isEqualTo("Stripe_Customer_Id__c"));
        Payload charge = config.payload("stripe", "charge");
        assertThat(charge.auth().type()).isEqualTo(AuthType.STRIPE_SIGNATURE);
        assertThat(charge.dedupeKey()).isEqualTo("$.id");
        assertThat(charge.orderingKey()).isEqualTo("$.data.object.customer");
        assertThat(charge.targets()).extracting(t -> t.apiName() + " " + t.object())
                .containsExactly("account Account", "contact Contact", "stripe-charge Stripe_Charge__c");
        assertThat(credentials.resolve("stripe", "stripe").orElseThrow().secrets())
                .containsEntry("webhookSecrets", "whsec_from_the_environment");
        assertThat(credentials.resolve("stripe", "stripe").orElseThrow().attributes())
                .containsEntry("apiBase", "https://api.stripe.com");
    }

    @Test
    void aVariableTakesItsDefaultWhenUnsetOrEmpty() {
        JsonNode filled = BundleImporter.fill(JSON.createObjectNode().put("a", "${X:-one}/${Y:-two}/${Z}")
                .set("list", JSON.createArrayNode().add("${X:-}")), "", Map.of("Y", "", "Z", "zed")::get);

        assertThat(filled.path("a").asText()).isEqualTo("one/two/zed");
        assertThat(filled.path("list").get(0).asText()).isEmpty();
    }

    @Test
    void anUnsetVariableWithoutDefaultIsNamedWithItsField() {
        ObjectNode bundle = minimal();
        ((ObjectNode) bundle.get("integration")).put("label", "Shop ${SHOP_NAME}");

        assertThatThrownBy(() -> importer.importBundle(bundle, name -> null, "test"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors()).extracting(FieldError::field)
                        .containsExactly("integration.label"))
                .hasMessageContaining("${SHOP_NAME}, which is not set");
    }

    @Test
    void aWrongFormatOrAnUnknownPropertyIsRefusedBeforeAnythingIsMade() {
        ObjectNode wrongFormat = minimal().put("bundle", "openpayloads-bundle/9");
        ObjectNode unknown = minimal();
        unknown.put("flows", "?");

        assertThatThrownBy(() -> importer.importBundle(wrongFormat, name -> null, "test"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("expected 'openpayloads-bundle/1'");
        assertThatThrownBy(() -> importer.importBundle(unknown, name -> null, "test"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("flows")
                .hasMessageContaining("expected one of");
        assertThat(config.integrations()).isEmpty();
    }

    @Test
    void aMalformedPartIsNamedByItsPathInTheBundle() {
        ObjectNode bundle = minimal();
        bundle.set("payloads", JSON.createArrayNode().add(JSON.createObjectNode().put("apiName", "p")
                .put("active", "yes")));

        assertThatThrownBy(() -> importer.importBundle(bundle, name -> null, "test"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors()).extracting(FieldError::field)
                        .containsExactly("payloads[0].active"));
        assertThat(config.integrations()).isEmpty();
        assertThat(orgSections).isEmpty();
    }

    @Test
    void aPartTheAdminApiRefusesUndoesTheIntegration() {
        ObjectNode bundle = minimal();
        bundle.set("payloads", JSON.createArrayNode().add(JSON.createObjectNode().put("apiName", "bad name!")));

        assertThatThrownBy(() -> importer.importBundle(bundle, name -> null, "test"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bad name!");
        assertThat(config.integrations()).isEmpty();
    }

    private static ObjectNode minimal() {
        ObjectNode bundle = JSON.createObjectNode().put("bundle", BundleImporter.FORMAT);
        bundle.putObject("integration").put("apiName", "shop").put("label", "Shop");
        return bundle;
    }
}
