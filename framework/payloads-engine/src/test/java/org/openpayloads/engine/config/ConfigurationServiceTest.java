package org.openpayloads.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.engine.config.ModelExamples.account;
import static org.openpayloads.engine.config.ModelExamples.charge;
import static org.openpayloads.engine.config.ModelExamples.contact;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.ConflictException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.DataType;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Target;

class ConfigurationServiceTest {

    private InMemoryRepositories repositories;
    private ConfigurationService service;

    @BeforeEach
    void setUp() {
        repositories = new InMemoryRepositories();
        service = new ConfigurationService(repositories, repositories.payloadRepository,
                repositories.credentialRepository);
        service.createIntegration(ModelExamples.stripe(), "ann");
        service.createCredential("stripe", ModelExamples.stripeCredential(), "ann");
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
}
