package org.openpayloads.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.store.StoreTesting.count;
import static org.openpayloads.store.StoreTesting.integration;
import static org.openpayloads.store.StoreTesting.unique;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConflictException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.model.AuditInfo;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.JobRequest;
import org.openpayloads.engine.model.JobSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NewJob;
import org.openpayloads.engine.port.IntegrationRepository;
import org.openpayloads.store.StoreTesting.OpenStore;

@Tag("database")
class HibernateIntegrationRepositoryTest {

    private static OpenStore open;
    private static IntegrationRepository integrations;

    @BeforeAll
    static void open() {
        open = OpenStore.create();
        integrations = open.store().integrations();
    }

    @AfterAll
    static void close() {
        open.close();
    }

    @Test
    void createStoresTheIntegrationWithWhoAndWhen() {
        String name = unique("create");

        Integration created = integrations.create(integration(name), "alice");

        assertThat(created.apiName()).isEqualTo(name);
        assertThat(created.label()).isEqualTo("Label of " + name);
        assertThat(created.description()).isEqualTo("About " + name);
        assertThat(created.active()).isTrue();
        assertThat(created.audit()).isEqualTo(new AuditInfo(open.clock().instant(), "alice", open.clock().instant(),
                "alice", 0));
        assertThat(integrations.find(name)).contains(created);
    }

    @Test
    void findOfAnUnknownNameIsEmpty() {
        assertThat(integrations.find("no-such-integration")).isEmpty();
    }

    @Test
    void findAllListsByApiName() {
        String suffix = unique("");
        integrations.create(integration("zz" + suffix), "alice");
        integrations.create(integration("aa" + suffix), "alice");

        List<String> names = integrations.findAll().stream().map(Integration::apiName).toList();

        assertThat(names).contains("aa" + suffix, "zz" + suffix).isSorted();
    }

    @Test
    void createOfATakenNameIsAConflictNamingIt() {
        String name = unique("taken");
        integrations.create(integration(name), "alice");

        assertThatThrownBy(() -> integrations.create(integration(name), "bob"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("'" + name + "'")
                .satisfies(e -> assertThat(((ConflictException) e).field()).isEqualTo("apiName"));
    }

    @Test
    void concurrentCreatesOfOneNameLeaveOneWinnerAndConflicts() throws Exception {
        String name = unique("race");
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integration>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String actor = "actor" + i;
                Callable<Integration> create = () -> {
                    start.await();
                    return integrations.create(integration(name), actor);
                };
                results.add(pool.submit(create));
            }
            start.countDown();
            int created = 0;
            int conflicts = 0;
            for (Future<Integration> result : results) {
                try {
                    result.get();
                    created++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ConflictException.class).hasMessageContaining(name);
                    conflicts++;
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(conflicts).isEqualTo(threads - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(open.database(), "SELECT COUNT(*) FROM integration WHERE api_name = ?", name)).isEqualTo(1);
    }

    @Test
    void updateReplacesTheValuesAndBumpsTheVersion() {
        String name = unique("update");
        Integration created = integrations.create(integration(name), "alice");
        open.clock().advance(Duration.ofMinutes(5));

        Integration updated = integrations.update(name,
                new Integration(name, "New label", null, false, AuditInfo.NEW), "bob");

        assertThat(updated.label()).isEqualTo("New label");
        assertThat(updated.description()).isNull();
        assertThat(updated.active()).isFalse();
        assertThat(updated.audit().createdAt()).isEqualTo(created.audit().createdAt());
        assertThat(updated.audit().createdBy()).isEqualTo("alice");
        assertThat(updated.audit().modifiedAt()).isEqualTo(open.clock().instant());
        assertThat(updated.audit().modifiedBy()).isEqualTo("bob");
        assertThat(updated.audit().version()).isEqualTo(1);
        assertThat(integrations.find(name)).contains(updated);
    }

    @Test
    void updateWithANewApiNameRenames() {
        String name = unique("old");
        String newName = unique("new");
        integrations.create(integration(name), "alice");

        integrations.update(name, integration(newName), "bob");

        assertThat(integrations.find(name)).isEmpty();
        assertThat(integrations.find(newName)).hasValueSatisfying(i -> assertThat(i.audit().createdBy())
                .isEqualTo("alice"));
    }

    @Test
    void renameToATakenNameIsAConflictAndChangesNothing() {
        String name = unique("rename");
        String taken = unique("taken");
        integrations.create(integration(name), "alice");
        integrations.create(integration(taken), "alice");

        assertThatThrownBy(() -> integrations.update(name, integration(taken), "bob"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("'" + taken + "'");
        assertThat(integrations.find(name)).isPresent();
    }

    @Test
    void updateOrDeleteOfAnUnknownNameIsNotFound() {
        assertThatThrownBy(() -> integrations.update("missing", integration("missing"), "bob"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No integration 'missing' exists");
        assertThatThrownBy(() -> integrations.delete("missing", "ann"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No integration 'missing' exists");
    }

    @Test
    void deleteRemovesPayloadsCredentialsAndJobs() {
        String name = unique("delete");
        integrations.create(integration(name), "alice");
        Store store = open.store();
        store.payloads().create(name, StoreTesting.fullPayload("charge"), "alice");
        store.credentials().create(name, new CredentialChange("stripe-key", "Stripe", CredentialType.CUSTOM,
                Map.of("region", "eu"), Map.of("secret", "sk_test_123456789"), Set.of()), "alice");
        store.jobs().create(new NewJob(name, "charge", Direction.INBOUND, JobStatus.QUEUED, JobSource.EXTERNAL_API,
                new JobRequest("application/json", Map.of(), "{}".getBytes()), null, null, null, null));

        integrations.delete(name, "ann");

        assertThat(integrations.find(name)).isEmpty();
        String owned = " WHERE integration_id NOT IN (SELECT id FROM integration)";
        assertThat(count(open.database(), "SELECT COUNT(*) FROM payload" + owned)).isZero();
        assertThat(count(open.database(), "SELECT COUNT(*) FROM credential" + owned)).isZero();
        assertThat(count(open.database(), "SELECT COUNT(*) FROM job" + owned)).isZero();
        assertThat(count(open.database(), "SELECT COUNT(*) FROM element WHERE payload_id NOT IN "
                + "(SELECT id FROM payload)")).isZero();
        assertThat(count(open.database(), "SELECT COUNT(*) FROM credential_secret WHERE credential_id NOT IN "
                + "(SELECT id FROM credential)")).isZero();
    }

    @Test
    void eachWriteMakesARevisionWithItsActor() {
        String name = unique("audited");
        integrations.create(integration(name), "alice");
        integrations.update(name, new Integration(name, "Changed", null, true, AuditInfo.NEW), "bob");
        integrations.delete(name, "carol");

        List<List<String>> revisions = StoreTesting.rows(open.database(), "SELECT a.revtype, r.actor "
                + "FROM integration_aud a JOIN revision r ON r.id = a.rev WHERE a.id IN "
                + "(SELECT id FROM integration_aud WHERE api_name = ?) ORDER BY a.rev", name);

        assertThat(revisions).containsExactly(List.of("0", "alice"), List.of("1", "bob"), List.of("2", "carol"));
    }
}
