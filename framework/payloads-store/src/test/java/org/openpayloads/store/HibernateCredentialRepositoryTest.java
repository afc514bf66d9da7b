package org.openpayloads.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.store.StoreTesting.rows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConflictException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.model.Credential;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.ResolvedCredential;
import org.openpayloads.engine.port.CredentialRepository;
import org.openpayloads.store.StoreTesting.OpenStore;

@Tag("database")
class HibernateCredentialRepositoryTest {

    private static final String SECRET_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
    private static final String WEBHOOK_SECRET = "whsec_0123456789abcdef";

    private static OpenStore open;
    private static CredentialRepository credentials;
    private String integration = "";

    @BeforeAll
    static void open() {
        open = OpenStore.create();
        credentials = open.store().credentials();
    }

    @AfterAll
    static void close() {
        open.close();
    }

    @BeforeEach
    void newIntegration() {
        integration = StoreTesting.storedIntegration(open.store());
    }

    @Test
    void createShowsAttributesInFullAndSecretsMasked() {
        Credential created = credentials.create(integration, stripe(Map.of("secretKey", SECRET_KEY,
                "short", "abc")), "alice");

        assertThat(created.apiName()).isEqualTo("stripe");
        assertThat(created.label()).isEqualTo("Stripe");
        assertThat(created.type()).isEqualTo(CredentialType.STRIPE);
        assertThat(created.attributes()).isEqualTo(Map.of("apiBase", "https://api.stripe.com"));
        assertThat(created.maskedSecrets()).isEqualTo(Map.of("secretKey", "********p7dc", "short", "********"));
        assertThat(created.audit().createdBy()).isEqualTo("alice");
        assertThat(credentials.find(integration, "stripe")).contains(created);
    }

    @Test
    void secretsAreEncryptedAtRest() {
        credentials.create(integration, stripe(Map.of("secretKey", SECRET_KEY)), "alice");

        List<List<String>> stored = rows(open.database(), "SELECT s.name, s.ciphertext FROM credential_secret s "
                + "JOIN credential c ON c.id = s.credential_id JOIN integration i ON i.id = c.integration_id "
                + "WHERE i.api_name = ?", integration);

        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get(0)).isEqualTo("secretKey");
        String ciphertext = stored.get(0).get(1);
        assertThat(ciphertext).startsWith("v1:" + open.key().id() + ":").doesNotContain(SECRET_KEY)
                .doesNotContain("4eC39HqLyjWDarjtT1zdp7dc");
    }

    @Test
    void noAuditTableKeepsASecret() {
        credentials.create(integration, stripe(Map.of("secretKey", SECRET_KEY)), "alice");

        assertThat(rows(open.database(), "SELECT COUNT(*) FROM credential_aud a JOIN revision r ON r.id = a.rev "
                + "WHERE a.api_name = 'stripe' AND r.actor = 'alice'").get(0).get(0)).isNotEqualTo("0");
        assertThat(rows(open.database(), "SELECT COUNT(*) FROM information_schema.tables "
                + "WHERE LOWER(table_name) = 'credential_secret_aud'").get(0).get(0)).isEqualTo("0");
    }

    @Test
    void resolveDecryptsTheSecrets() {
        credentials.create(integration, stripe(Map.of("secretKey", SECRET_KEY, "webhookSecrets", WEBHOOK_SECRET)),
                "alice");

        ResolvedCredential resolved = credentials.resolve(integration, "stripe").orElseThrow();

        assertThat(resolved.apiName()).isEqualTo("stripe");
        assertThat(resolved.type()).isEqualTo(CredentialType.STRIPE);
        assertThat(resolved.attributes()).isEqualTo(Map.of("apiBase", "https://api.stripe.com"));
        assertThat(resolved.secrets()).isEqualTo(Map.of("secretKey", SECRET_KEY, "webhookSecrets", WEBHOOK_SECRET));
        assertThat(resolved.toString()).doesNotContain(SECRET_KEY);
        assertThat(credentials.resolve(integration, "missing")).isEmpty();
    }

    @Test
    void updateSetsRemovesAndKeepsSecretsAndReplacesAttributes() {
        credentials.create(integration, stripe(Map.of("secretKey", SECRET_KEY, "webhookSecrets", WEBHOOK_SECRET,
                "old", "old-secret-value")), "alice");

        Credential updated = credentials.update(integration, "stripe", new CredentialChange("stripe", "Stripe live",
                CredentialType.STRIPE, Map.of("mode", "live"), Map.of("webhookSecrets", "whsec_rotated_value_1"),
                Set.of("old")), "bob");

        assertThat(updated.label()).isEqualTo("Stripe live");
        assertThat(updated.attributes()).isEqualTo(Map.of("mode", "live"));
        assertThat(updated.maskedSecrets()).isEqualTo(Map.of("secretKey", "********p7dc",
                "webhookSecrets", "********ue_1"));
        assertThat(updated.audit().version()).isEqualTo(1);
        assertThat(updated.audit().modifiedBy()).isEqualTo("bob");
        assertThat(credentials.resolve(integration, "stripe").orElseThrow().secrets())
                .isEqualTo(Map.of("secretKey", SECRET_KEY, "webhookSecrets", "whsec_rotated_value_1"));
    }

    @Test
    void aNewTypeDropsTheStoredSecretsThatAreNotSetAgain() {
        credentials.create(integration, stripe(Map.of("secretKey", SECRET_KEY, "webhookSecrets", WEBHOOK_SECRET)),
                "alice");

        Credential updated = credentials.update(integration, "stripe", new CredentialChange("stripe", "Bearer",
                CredentialType.BEARER, Map.of(), Map.of("token", "a-brand-new-token"), Set.of()), "bob");

        assertThat(updated.type()).isEqualTo(CredentialType.BEARER);
        assertThat(updated.maskedSecrets()).containsOnlyKeys("token");
        assertThat(credentials.resolve(integration, "stripe").orElseThrow().secrets())
                .isEqualTo(Map.of("token", "a-brand-new-token"));
    }

    @Test
    void findAllListsByApiName() {
        credentials.create(integration, change("zeta", Map.of()), "alice");
        credentials.create(integration, change("alpha", Map.of("password", "p4ssw0rd-long-enough")), "alice");

        List<Credential> all = credentials.findAll(integration);

        assertThat(all).extracting(Credential::apiName).containsExactly("alpha", "zeta");
        assertThat(all.get(0).maskedSecrets()).isEqualTo(Map.of("password", "********ough"));
    }

    @Test
    void renameAndConflicts() {
        credentials.create(integration, change("first", Map.of()), "alice");
        credentials.create(integration, change("second", Map.of()), "alice");

        assertThatThrownBy(() -> credentials.create(integration, change("first", Map.of()), "bob"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'first'")
                .satisfies(e -> assertThat(((ConflictException) e).field()).isEqualTo("apiName"));
        assertThatThrownBy(() -> credentials.update(integration, "first", change("second", Map.of()), "bob"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'second'");

        credentials.update(integration, "first", change("renamed", Map.of()), "bob");

        assertThat(credentials.find(integration, "first")).isEmpty();
        assertThat(credentials.find(integration, "renamed")).isPresent();
    }

    @Test
    void deleteRemovesTheCredentialAndItsSecrets() {
        credentials.create(integration, stripe(Map.of("secretKey", SECRET_KEY)), "alice");

        credentials.delete(integration, "stripe", "ann");

        assertThat(credentials.find(integration, "stripe")).isEmpty();
        assertThat(rows(open.database(), "SELECT COUNT(*) FROM credential_secret WHERE credential_id NOT IN "
                + "(SELECT id FROM credential)").get(0).get(0)).isEqualTo("0");
    }

    @Test
    void missingParentsAndCredentialsAreNotFound() {
        assertThatThrownBy(() -> credentials.findAll("no-such"))
                .isInstanceOf(NotFoundException.class).hasMessage("No integration 'no-such' exists");
        assertThatThrownBy(() -> credentials.create("no-such", change("x", Map.of()), "alice"))
                .isInstanceOf(NotFoundException.class).hasMessage("No integration 'no-such' exists");
        assertThatThrownBy(() -> credentials.resolve("no-such", "x"))
                .isInstanceOf(NotFoundException.class).hasMessage("No integration 'no-such' exists");
        assertThatThrownBy(() -> credentials.update(integration, "missing", change("missing", Map.of()), "bob"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No credential '" + integration + "/missing' exists");
        assertThatThrownBy(() -> credentials.delete(integration, "missing", "ann"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No credential '" + integration + "/missing' exists");
        assertThat(credentials.find(integration, "missing")).isEmpty();
    }

    private static CredentialChange stripe(Map<String, String> secrets) {
        return new CredentialChange("stripe", "Stripe", CredentialType.STRIPE,
                Map.of("apiBase", "https://api.stripe.com"), secrets, Set.of());
    }

    private static CredentialChange change(String apiName, Map<String, String> secrets) {
        return new CredentialChange(apiName, "Label " + apiName, CredentialType.CUSTOM, Map.of("user", "u"), secrets,
                Set.of());
    }
}
