package org.openpayloads.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.store.StoreTesting.count;
import static org.openpayloads.store.StoreTesting.fullPayload;
import static org.openpayloads.store.StoreTesting.smallPayload;
import static org.openpayloads.store.StoreTesting.unique;
import static org.openpayloads.store.StoreTesting.withoutAudit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConflictException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.model.AuditInfo;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.DataType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.InactiveBehaviour;
import org.openpayloads.engine.model.InboundAuth;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.JobRequest;
import org.openpayloads.engine.model.JobSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NewJob;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.Polling;
import org.openpayloads.engine.model.Source;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.model.TooLong;
import org.openpayloads.engine.model.ValueSourceType;
import org.openpayloads.engine.port.PayloadRepository;
import org.openpayloads.store.StoreTesting.OpenStore;

@Tag("database")
class HibernatePayloadRepositoryTest {

    private static OpenStore open;
    private static PayloadRepository payloads;

    @BeforeAll
    static void open() {
        open = OpenStore.create();
        payloads = open.store().payloads();
    }

    @AfterAll
    static void close() {
        open.close();
    }

    @Test
    void aFullPayloadComesBackAsItWasSaved() {
        String integration = StoreTesting.storedIntegration(open.store());
        Payload payload = fullPayload("charge");

        Payload created = payloads.create(integration, payload, "alice");

        assertThat(withoutAudit(created)).isEqualTo(payload);
        assertThat(created.audit().createdBy()).isEqualTo("alice");
        assertThat(created.audit().createdAt()).isEqualTo(open.clock().instant());
        assertThat(created.audit().version()).isZero();
        assertThat(payloads.find(integration, "charge")).contains(created);
    }

    @Test
    void treesKeepTheirStoredOrderNotAlphabetical() {
        String integration = StoreTesting.storedIntegration(open.store());
        Payload full = fullPayload("ordered");
        List<Target> reversedTargets = List.of(full.targets().get(1), full.targets().get(0));
        List<Element> reversedElements = List.of(full.elements().get(1), full.elements().get(0));
        Payload payload = full.withTargets(reversedTargets).withElements(reversedElements);

        Payload created = payloads.create(integration, payload, "alice");

        assertThat(created.targets()).extracting(Target::apiName).containsExactly("contact", "account");
        assertThat(created.elements()).extracting(Element::name).containsExactly("type", "data");
        assertThat(created.targets().get(1).mappings()).extracting(FieldMapping::field)
                .containsExactly("Stripe_Id__c", "Type", "Amount__c", "OwnerId", "Region__c");
    }

    @Test
    void aTargetKeepsItsTooLongRuleAndOneWithoutItFails() {
        String integration = StoreTesting.storedIntegration(open.store());
        Target truncating = new Target("note", "Note", 1, "Note", Operation.INSERT, null, List.of(), null, null, null,
                List.of(FieldMapping.element("Body", "$.type")), TooLong.TRUNCATE);
        Target failing = new Target("task", "Task", 2, "Task", Operation.INSERT, null, List.of(), null, null, null,
                List.of(FieldMapping.element("Subject", "$.type")));
        Payload payload = smallPayload("notes").withTargets(List.of(truncating, failing));

        payloads.create(integration, payload, "alice");

        Payload found = payloads.find(integration, "notes").orElseThrow();
        assertThat(found.targets()).extracting(Target::onTooLong).containsExactly(TooLong.TRUNCATE, TooLong.FAIL);
        assertThat(StoreTesting.rows(open.database(), "SELECT t.api_name, t.on_too_long FROM target t JOIN payload p "
                + "ON p.id = t.payload_id JOIN integration i ON i.id = p.integration_id WHERE i.api_name = ? "
                + "ORDER BY t.position", integration))
                .containsExactly(List.of("note", "TRUNCATE"), List.of("task", "FAIL"));
    }

    @Test
    void anUpdateChangesTheTooLongRuleAndAuditsIt() {
        String integration = StoreTesting.storedIntegration(open.store());
        Payload created = payloads.create(integration, fullPayload("charge"), "alice");
        Target account = created.targets().get(0);
        Target truncating = new Target(account.apiName(), account.label(), account.order(), account.object(),
                account.operation(), account.externalIdField(), account.matchFields(), account.whenPresent(),
                account.condition(), account.repeatPath(), account.mappings(), TooLong.TRUNCATE);

        Payload updated = payloads.update(integration, "charge",
                created.withTargets(List.of(truncating, created.targets().get(1))), "bob");

        assertThat(updated.targets()).extracting(Target::onTooLong).containsExactly(TooLong.TRUNCATE, TooLong.FAIL);
        assertThat(payloads.find(integration, "charge")).contains(updated);
        assertThat(StoreTesting.rows(open.database(), "SELECT a.revtype, a.on_too_long FROM target_aud a "
                + "JOIN revision r ON r.id = a.rev WHERE a.api_name = 'account' AND r.actor = 'bob' "
                + "AND a.payload_id = (SELECT p.id FROM payload p JOIN integration i ON i.id = p.integration_id "
                + "WHERE i.api_name = ?) ORDER BY a.revtype", integration))
                .containsExactly(List.of("0", "TRUNCATE"), List.of("2", "FAIL"));
    }

    @Test
    void findAllListsThePayloadsOfOneIntegrationByApiName() {
        String integration = StoreTesting.storedIntegration(open.store());
        String other = StoreTesting.storedIntegration(open.store());
        payloads.create(integration, fullPayload("b-full"), "alice");
        payloads.create(integration, smallPayload("a-small"), "alice");
        payloads.create(other, smallPayload("elsewhere"), "alice");

        List<Payload> found = payloads.findAll(integration);

        assertThat(found).extracting(Payload::apiName).containsExactly("a-small", "b-full");
        assertThat(withoutAudit(found.get(1))).isEqualTo(fullPayload("b-full"));
        assertThat(withoutAudit(found.get(0))).isEqualTo(smallPayload("a-small"));
    }

    @Test
    void findActivePollingListsTheActivePollingPayloadsOfActiveIntegrations() {
        String integration = StoreTesting.storedIntegration(open.store());
        String inactive = StoreTesting.storedIntegration(open.store());
        payloads.create(integration, polling("b-poll", true), "alice");
        payloads.create(integration, polling("a-poll", true), "alice");
        payloads.create(integration, polling("c-off", false), "alice");
        payloads.create(integration, smallPayload("webhook"), "alice");
        payloads.create(inactive, polling("poll", true), "alice");
        Integration off = open.store().integrations().find(inactive).orElseThrow();
        open.store().integrations().update(inactive, new Integration(off.apiName(), off.label(), off.description(),
                false, off.retentionDays(), off.audit()), "alice");

        Map<String, List<Payload>> found = payloads.findActivePolling();

        assertThat(found).doesNotContainKey(inactive);
        assertThat(found.get(integration)).extracting(Payload::apiName).containsExactly("a-poll", "b-poll");
        assertThat(found.get(integration).get(0).polling()).isEqualTo(polling("a-poll", true).polling());
    }

    private static Payload polling(String apiName, boolean active) {
        return new Payload(apiName, apiName, null, Direction.INBOUND, PayloadKind.POLLING, ContentType.JSON, false,
                active, InboundAuth.NONE, "$.id", null, false, InactiveBehaviour.HOLD, List.of(), null, null,
                "stripe", List.of(), List.of(), List.of(), List.of(), new Polling("new-charge", 15, null,
                Map.of("expand", "customer")), AuditInfo.NEW);
    }

    @Test
    void findOfAnUnknownPayloadIsEmptyButAnUnknownIntegrationIsNotFound() {
        String integration = StoreTesting.storedIntegration(open.store());

        assertThat(payloads.find(integration, "missing")).isEmpty();
        assertThatThrownBy(() -> payloads.find("no-such", "missing"))
                .isInstanceOf(NotFoundException.class).hasMessage("No integration 'no-such' exists");
        assertThatThrownBy(() -> payloads.findAll("no-such"))
                .isInstanceOf(NotFoundException.class).hasMessage("No integration 'no-such' exists");
        assertThatThrownBy(() -> payloads.create("no-such", smallPayload("x"), "alice"))
                .isInstanceOf(NotFoundException.class).hasMessage("No integration 'no-such' exists");
    }

    @Test
    void createOfATakenNameIsAConflictNamingIt() {
        String integration = StoreTesting.storedIntegration(open.store());
        payloads.create(integration, smallPayload("charge"), "alice");

        assertThatThrownBy(() -> payloads.create(integration, fullPayload("charge"), "bob"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("'charge'").hasMessageContaining("'" + integration + "'")
                .satisfies(e -> assertThat(((ConflictException) e).field()).isEqualTo("apiName"));
    }

    @Test
    void theSameNameInTwoIntegrationsIsFine() {
        String first = StoreTesting.storedIntegration(open.store());
        String second = StoreTesting.storedIntegration(open.store());

        payloads.create(first, smallPayload("charge"), "alice");
        payloads.create(second, smallPayload("charge"), "alice");

        assertThat(payloads.find(second, "charge")).isPresent();
    }

    @Test
    void concurrentCreatesOfOneNameLeaveOneWinner() {
        String integration = StoreTesting.storedIntegration(open.store());
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Payload>> attempts = List.of(1, 2, 3).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return payloads.create(integration, fullPayload("race"), "actor" + i);
                })).toList();
        start.countDown();

        long failures = attempts.stream().filter(a -> {
            try {
                a.join();
                return false;
            } catch (java.util.concurrent.CompletionException e) {
                assertThat(e.getCause()).isInstanceOf(ConflictException.class).hasMessageContaining("'race'");
                return true;
            }
        }).count();

        assertThat(failures).isEqualTo(2);
        assertThat(payloads.findAll(integration)).hasSize(1);
    }

    @Test
    void updateReplacesTheWholeTree() {
        String integration = StoreTesting.storedIntegration(open.store());
        Payload created = payloads.create(integration, fullPayload("charge"), "alice");
        Element only = new Element("event", "$.event", DataType.OBJECT, true, false,
                List.of(new Element("name", "$.event.name", DataType.STRING, false, false, List.of())));
        Target target = new Target("lead", "Lead", 1, "Lead", Operation.INSERT, null, List.of(), null, null, null,
                List.of(FieldMapping.element("LastName", "$.event.name")));
        Payload changed = created.withElements(List.of(only)).withTargets(List.of(target)).withSources(List.of());
        open.clock().advance(Duration.ofMinutes(1));

        Payload updated = payloads.update(integration, "charge", changed, "bob");

        assertThat(updated.elements()).containsExactly(only);
        assertThat(updated.targets()).containsExactly(target);
        assertThat(updated.sources()).isEmpty();
        assertThat(updated.audit().version()).isEqualTo(1);
        assertThat(updated.audit().modifiedBy()).isEqualTo("bob");
        assertThat(updated.audit().createdBy()).isEqualTo("alice");
        assertThat(payloads.find(integration, "charge")).contains(updated);
        assertThat(count(open.database(), "SELECT COUNT(*) FROM element e JOIN payload p ON p.id = e.payload_id "
                + "JOIN integration i ON i.id = p.integration_id WHERE i.api_name = ?", integration)).isEqualTo(2);
    }

    @Test
    void updateKeepingTargetNamesReplacesTheirMappings() {
        String integration = StoreTesting.storedIntegration(open.store());
        Payload created = payloads.create(integration, fullPayload("charge"), "alice");
        Target account = created.targets().get(0);
        Target fewer = new Target(account.apiName(), account.label(), account.order(), account.object(),
                account.operation(), account.externalIdField(), account.matchFields(), account.whenPresent(),
                account.condition(), account.repeatPath(), List.of(account.mappings().get(0)));
        Source source = new Source("accounts", "Accounts", 1, null, null, "SELECT Id FROM Account",
                List.of(new FieldMapping("$.id", ValueSourceType.FIELD, "Id", null, null, null, null, Map.of(), null)));

        Payload updated = payloads.update(integration, "charge",
                created.withTargets(List.of(fewer, created.targets().get(1))).withSources(List.of(source)), "bob");

        assertThat(updated.targets().get(0).mappings()).hasSize(1);
        assertThat(updated.targets().get(1)).isEqualTo(created.targets().get(1));
        assertThat(updated.sources()).containsExactly(source);
    }

    @Test
    void updateWithANewApiNameRenames() {
        String integration = StoreTesting.storedIntegration(open.store());
        payloads.create(integration, fullPayload("charge"), "alice");

        Payload renamed = payloads.update(integration, "charge", fullPayload("payment"), "bob");

        assertThat(renamed.apiName()).isEqualTo("payment");
        assertThat(payloads.find(integration, "charge")).isEmpty();
        assertThat(payloads.find(integration, "payment")).contains(renamed);
    }

    @Test
    void renameToATakenNameIsAConflictAndChangesNothing() {
        String integration = StoreTesting.storedIntegration(open.store());
        Payload charge = payloads.create(integration, fullPayload("charge"), "alice");
        payloads.create(integration, smallPayload("refund"), "alice");

        assertThatThrownBy(() -> payloads.update(integration, "charge", smallPayload("refund"), "bob"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("'refund'");
        assertThat(payloads.find(integration, "charge")).contains(charge);
    }

    @Test
    void twoTargetsWithOneNameAreAConflict() {
        String integration = StoreTesting.storedIntegration(open.store());
        Payload full = fullPayload("charge");
        Payload twice = full.withTargets(List.of(full.targets().get(0), full.targets().get(0)));

        assertThatThrownBy(() -> payloads.create(integration, twice, "alice"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Target 'account' appears twice");
        assertThat(payloads.find(integration, "charge")).isEmpty();
    }

    @Test
    void updateOrDeleteOfAnUnknownPayloadIsNotFound() {
        String integration = StoreTesting.storedIntegration(open.store());

        assertThatThrownBy(() -> payloads.update(integration, "missing", smallPayload("missing"), "bob"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No payload '" + integration + "/missing' exists");
        assertThatThrownBy(() -> payloads.delete(integration, "missing", "ann"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No payload '" + integration + "/missing' exists");
    }

    @Test
    void deleteRemovesTheTreeAndTheJobs() {
        String integration = StoreTesting.storedIntegration(open.store());
        payloads.create(integration, fullPayload("charge"), "alice");
        payloads.create(integration, smallPayload("kept"), "alice");
        open.store().jobs().create(new NewJob(integration, "charge", Direction.INBOUND, JobStatus.QUEUED,
                JobSource.EXTERNAL_API, new JobRequest(null, Map.of(), new byte[0]), null, null, null, null));

        payloads.delete(integration, "charge", "ann");

        assertThat(payloads.findAll(integration)).extracting(Payload::apiName).containsExactly("kept");
        assertThat(count(open.database(), "SELECT COUNT(*) FROM element WHERE payload_id NOT IN "
                + "(SELECT id FROM payload)")).isZero();
        assertThat(count(open.database(), "SELECT COUNT(*) FROM field_mapping WHERE target_id NOT IN "
                + "(SELECT id FROM target) OR source_id NOT IN (SELECT id FROM source)")).isZero();
        assertThat(count(open.database(), "SELECT COUNT(*) FROM job j JOIN integration i ON i.id = "
                + "j.integration_id WHERE i.api_name = ?", integration)).isZero();
    }

    @Test
    void anUpdateIsAuditedWithItsActorDownToTheTree() {
        String integration = StoreTesting.storedIntegration(open.store());
        Payload created = payloads.create(integration, fullPayload("audited"), "alice");
        open.clock().advance(Duration.ofSeconds(1));

        payloads.update(integration, "audited", created.withSources(List.of()), "bob");

        List<List<String>> payloadRevisions = StoreTesting.rows(open.database(), "SELECT a.revtype, r.actor "
                + "FROM payload_aud a JOIN revision r ON r.id = a.rev JOIN payload p ON p.id = a.id "
                + "JOIN integration i ON i.id = p.integration_id WHERE i.api_name = ? ORDER BY a.rev", integration);
        assertThat(payloadRevisions).containsExactly(List.of("0", "alice"), List.of("1", "bob"));
        List<List<String>> sourceRevisions = StoreTesting.rows(open.database(), "SELECT a.revtype, r.actor "
                + "FROM source_aud a JOIN revision r ON r.id = a.rev JOIN payload p ON p.id = a.payload_id "
                + "JOIN integration i ON i.id = p.integration_id WHERE i.api_name = ? AND a.api_name = 'accounts' "
                + "ORDER BY a.rev, a.revtype", integration);
        assertThat(sourceRevisions).containsExactly(List.of("0", "alice"), List.of("2", "bob"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
