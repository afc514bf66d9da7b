package org.openpayloads.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.openpayloads.engine.config.ModelExamples.account;
import static org.openpayloads.engine.config.ModelExamples.charge;
import static org.openpayloads.engine.config.ModelExamples.chargePoll;
import static org.openpayloads.engine.config.ModelExamples.contact;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.ConflictException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.api.connector.PollPage;
import org.openpayloads.api.connector.Watermark;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.DataType;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.Polling;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.port.ExternalApis;

class ConfigurationServiceTest {

    private final TriggerApis apis = new TriggerApis();
    private InMemoryRepositories repositories;
    private ConfigurationService service;

    @BeforeEach
    void setUp() {
        repositories = new InMemoryRepositories();
        service = new ConfigurationService(repositories, repositories.payloadRepository,
                repositories.credentialRepository, CredentialPolicy.NONE, apis);
        service.createIntegration(ModelExamples.stripe(), "ann");
        service.createCredential("stripe", ModelExamples.stripeCredential(), "ann");
        service.createCredential("stripe", ModelExamples.stripeApiCredential(), "ann");
        service.createPayload("stripe", charge(), "ann");
    }

    @Test
    void anInvalidChangeStoresNothing() {
        int writes = repositories.writes.size();
        assertThatThrownBy(() -> service.createIntegration(new Integration("", "", null, true, null), "ann"))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> service.replacePayload("stripe", "charge",
                charge().withElements(List.of(new Element("x", "bad", DataType.STRING, false, false, null))), "ann"))
                .isInstanceOf(ConfigException.class);
        assertThat(repositories.writes).hasSize(writes);
    }

    @Test
    void missingParentsAreNotFound() {
        assertThatThrownBy(() -> service.payloads("nope")).isInstanceOf(NotFoundException.class)
                .hasMessage("No integration 'nope' exists");
        assertThatThrownBy(() -> service.target("stripe", "charge", "nope")).isInstanceOf(NotFoundException.class)
                .hasMessage("No target 'stripe/charge/nope' exists");
        assertThatThrownBy(() -> service.credential("stripe", "nope")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void targetErrorsNameTheFieldsOfTheTargetSent() {
        Target bad = new Target("order", "Order", 30, "Order", Operation.UPSERT, null, List.of(), null, null, null,
                List.of());
        assertThatThrownBy(() -> service.createTarget("stripe", "charge", bad, "ann"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("externalIdField"));
    }

    @Test
    void targetsAreAddedReplacedAndDeletedWithinTheirPayload() {
        Target order = new Target("order", "Order", 30, "Order", Operation.INSERT, null, List.of(), null, null, null,
                List.of());
        service.createTarget("stripe", "charge", order, "bob");
        assertThat(service.targets("stripe", "charge")).extracting(Target::apiName)
                .containsExactly("account", "contact", "order");
        assertThatThrownBy(() -> service.createTarget("stripe", "charge", order, "bob"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'order' already exists");
        service.deleteTarget("stripe", "charge", "order", "bob");
        assertThat(service.targets("stripe", "charge")).extracting(Target::apiName).containsExactly("account", "contact");
        assertThat(repositories.writes).contains("update payload charge by bob");
    }

    @Test
    void renamingATargetRenamesReferencesToIt() {
        Target renamed = new Target("customer-account", "Account", 10, "Account", Operation.UPSERT,
                "Stripe_Customer_Id__c", List.of(), null, null, null, account().mappings());
        service.replaceTarget("stripe", "charge", "account", renamed, "ann");
        assertThat(service.target("stripe", "charge", "contact").mappings().get(1).reference())
                .isEqualTo("customer-account");
    }

    @Test
    void deletingATargetOthersNeedFailsValidation() {
        assertThatThrownBy(() -> service.deleteTarget("stripe", "charge", "account", "ann"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("targets[0].mappings[1].reference"));
        assertThat(service.targets("stripe", "charge")).contains(contact());
    }

    @Test
    void aCredentialInUseCannotBeDeletedOrRenamed() {
        assertThatThrownBy(() -> service.deleteCredential("stripe", "stripe-webhook", "ann"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("charge (auth.credential)");
        CredentialChange renamed = new CredentialChange("renamed", "R", CredentialType.STRIPE, Map.of(), Map.of(),
                Set.of());
        assertThatThrownBy(() -> service.replaceCredential("stripe", "stripe-webhook", renamed, "ann"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("cannot be renamed");
    }

    @Test
    void checkReportsProblemsAcrossTheIntegration() {
        Target empty = new Target("empty", "Empty", 40, "Task", Operation.INSERT, null, List.of(), null, null, null,
                List.of());
        service.createTarget("stripe", "charge", empty, "ann");
        assertThat(service.check("stripe")).extracting(FieldError::field)
                .containsExactly("payloads.charge.targets.empty");
    }

    @Test
    void changingACredentialsTypeNeedsItsSecretsAgain() {
        CredentialChange basic = new CredentialChange("stripe-webhook", "B", CredentialType.BASIC,
                Map.of("username", "u"), Map.of(), Set.of());
        assertThatThrownBy(() -> service.replaceCredential("stripe", "stripe-webhook", basic, "ann"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("secrets.password"));
    }

    @Test
    void aPollingPayloadsTriggerIsCheckedByItsCredentialsConnector() {
        service.createPayload("stripe", chargePoll(), "ann");

        assertThat(apis.checks).containsExactly("STRIPE new-charge {expand=customer}");
        assertThat(service.payload("stripe", "charge-poll").polling().trigger()).isEqualTo("new-charge");
    }

    @Test
    void theConnectorsTriggerProblemsAreErrorsUnderPollingAndStoreNothing() {
        apis.problems = List.of(new FieldError("trigger", "'new-charge' is not offered for STRIPE; expected one of "
                + "new-customer"), new FieldError("options.expand", "'card' cannot be expanded; expected customer"));
        int writes = repositories.writes.size();

        assertThatThrownBy(() -> service.createPayload("stripe", chargePoll(), "ann"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::message)
                        .containsExactly(tuple("polling.trigger", "'new-charge' is not offered for STRIPE; expected "
                                        + "one of new-customer"),
                                tuple("polling.options.expand", "'card' cannot be expanded; expected customer")));
        assertThat(repositories.writes).hasSize(writes);
        assertThatThrownBy(() -> service.payload("stripe", "charge-poll")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aChangeToAPollingPayloadsTargetChecksItsTriggerToo() {
        service.createPayload("stripe", chargePoll(), "ann");
        apis.problems = List.of(new FieldError("trigger", "is no longer offered"));
        Target order = new Target("order", "Order", 30, "Order", Operation.INSERT, null, List.of(), null, null, null,
                List.of());

        assertThatThrownBy(() -> service.createTarget("stripe", "charge-poll", order, "ann"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("polling.trigger"));
    }

    @Test
    void theTriggerIsNotAskedAboutWhenTheCredentialOrTheTriggersNameIsWrong() {
        apis.problems = List.of(new FieldError("trigger", "never shown"));
        Payload unknownCredential = withCredential(chargePoll(), "nope");
        Payload badName = ModelExamples.chargePoll(new Polling("New Charge", 15, null, Map.of()));

        assertThatThrownBy(() -> service.createPayload("stripe", unknownCredential, "ann"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("credential"));
        assertThatThrownBy(() -> service.createPayload("stripe", badName, "ann"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("polling.trigger"));
        assertThat(apis.checks).isEmpty();
    }

    @Test
    void aPayloadThatDoesNotPollHasNoTriggerChecked() {
        apis.problems = List.of(new FieldError("trigger", "never shown"));

        service.replacePayload("stripe", "charge", charge(), "ann");

        assertThat(apis.checks).isEmpty();
    }

    @Test
    void withoutAnApiConnectorNoTriggerIsOffered() {
        ConfigurationService withoutApis = new ConfigurationService(repositories, repositories.payloadRepository,
                repositories.credentialRepository);

        assertThatThrownBy(() -> withoutApis.createPayload("stripe", chargePoll(), "ann"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::message)
                        .containsExactly(tuple("polling.trigger", "'new-charge' is not offered: no API connector is "
                                + "installed on this server")));
    }

    @Test
    void checkReportsATriggerTheConnectorNoLongerOffers() {
        service.createPayload("stripe", chargePoll(), "ann");
        apis.problems = List.of(new FieldError("trigger", "'new-charge' is not offered for STRIPE"));

        assertThat(service.check("stripe")).extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple("payloads.charge-poll.polling.trigger",
                        "'new-charge' is not offered for STRIPE"));
    }

    private static Payload withCredential(Payload p, String credential) {
        return new Payload(p.apiName(), p.label(), p.description(), p.direction(), p.kind(), p.contentType(),
                p.allowPartialSuccess(), p.active(), p.auth(), p.dedupeKey(), p.orderingKey(), p.syncResponse(),
                p.whenInactive(), p.redactPaths(), p.endpointUrl(), p.httpMethod(), credential, p.elements(),
                p.targets(), p.sources(), p.expansions(), p.polling(), p.audit());
    }

    /** The triggers of an API connector: each check is recorded, and answered with the problems set. */
    private static final class TriggerApis implements ExternalApis {

        final List<String> checks = new ArrayList<>();
        List<FieldError> problems = List.of();

        @Override
        public List<FieldError> checkTrigger(CredentialType type, String trigger, Map<String, String> options) {
            checks.add(type + " " + trigger + " " + new TreeMap<>(options));
            return problems;
        }

        @Override
        public JsonNode get(String integration, String credential, String path) {
            throw new AssertionError("configuration reads no resource");
        }

        @Override
        public PollPage poll(String integration, String credential, String trigger, Map<String, String> options,
                             @Nullable Watermark after, @Nullable Instant since, int maxItems) {
            throw new AssertionError("configuration polls nothing");
        }
    }
}
