package org.openpayloads.web.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.connector.PollPage;
import org.openpayloads.api.connector.Watermark;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.config.CredentialPolicy;
import org.openpayloads.engine.model.AuthType;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.Expansion;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.Polling;
import org.openpayloads.engine.port.ExternalApis;
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
    private final List<String> triggersChecked = new ArrayList<>();
    private final ConfigurationService config = new ConfigurationService(new InMemoryIntegrations(clock),
            new InMemoryPayloads(clock), credentials, CredentialPolicy.NONE, new StripeTriggers(triggersChecked));
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
        assertThat(imported.payloads()).containsExactly("charge", "charge-poll");
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
                .contains("account Account", "contact Contact", "stripe-charge Stripe_Charge__c");
        assertThat(charge.expansions()).containsExactly(new Expansion("$.data.object.customer", "stripe",
                "/v1/customers/{id}", true));
        assertThat(credentials.resolve("stripe", "stripe").orElseThrow().secrets())
                .containsEntry("webhookSecrets", "whsec_from_the_environment");
        assertThat(credentials.resolve("stripe", "stripe").orElseThrow().attributes())
                .containsEntry("apiBase", "https://api.stripe.com");
    }

    @Test
    void theStripeSamplesPollingPayloadIsImportedInactiveFromNowWithoutAnApiKey() throws IOException {
        JsonNode bundle = JSON.readTree(STRIPE_BUNDLE.toFile());

        importer.importBundle(bundle, name -> null, "sample");

        Payload poll = config.payload("stripe", "charge-poll");
        assertThat(poll.kind()).isEqualTo(PayloadKind.POLLING);
        assertThat(poll.active()).isFalse();
        assertThat(poll.credential()).isEqualTo("stripe");
        assertThat(poll.dedupeKey()).isEqualTo("$.id");
        assertThat(poll.polling()).isEqualTo(new Polling("new-charge", 15, null, Map.of("expand", "customer")));
        assertThat(triggersChecked).containsExactly("STRIPE new-charge {expand=customer}");
        assertThat(credentials.resolve("stripe", "stripe").orElseThrow().secrets())
                .as("STRIPE_API_KEY is not set: its empty secret is left out").doesNotContainKey("secretKey")
                .containsKey("webhookSecrets");
    }

    @Test
    void theStripeSampleTakesTheApiKeyAndTheBackfillDateFromTheEnvironment() throws IOException {
        JsonNode bundle = JSON.readTree(STRIPE_BUNDLE.toFile());

        importer.importBundle(bundle, Map.of("STRIPE_API_KEY", "sk_test_from_the_environment",
                "STRIPE_BACKFILL_FROM", "2026-01-01")::get, "sample");

        assertThat(config.payload("stripe", "charge-poll").polling().backfillFrom())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(credentials.resolve("stripe", "stripe").orElseThrow().secrets())
                .containsEntry("secretKey", "sk_test_from_the_environment");
    }

    @Test
    void aSecretThatFillsToNothingIsLeftOutAndTheOthersAreSet() {
        ObjectNode bundle = minimal();
        ObjectNode credential = bundle.putArray("credentials").addObject().put("apiName", "api")
                .put("type", "CUSTOM");
        credential.putObject("secrets").put("unset", "${API_KEY:-}").put("empty", "${EMPTY:-}").put("blank", "")
                .put("set", "${TOKEN}");

        importer.importBundle(bundle, Map.of("EMPTY", "", "TOKEN", "tok_1")::get, "test");

        assertThat(credentials.resolve("shop", "api").orElseThrow().secrets()).containsOnly(entry("set", "tok_1"));
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

    /** The polling triggers of a Stripe connector: each check is recorded, and every trigger is offered. */
    private record StripeTriggers(List<String> checked) implements ExternalApis {

        @Override
        public List<FieldError> checkTrigger(CredentialType type, String trigger, Map<String, String> options) {
            checked.add(type + " " + trigger + " " + new TreeMap<>(options));
            return List.of();
        }

        @Override
        public JsonNode get(String integration, String credential, String path) {
            throw new AssertionError("an import reads no API");
        }

        @Override
        public PollPage poll(String integration, String credential, String trigger, Map<String, String> options,
                             @Nullable Watermark after, @Nullable Instant since, int maxItems) {
            throw new AssertionError("an import polls nothing");
        }
    }
}
