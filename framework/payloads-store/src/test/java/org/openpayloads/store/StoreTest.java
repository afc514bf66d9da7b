package org.openpayloads.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpayloads.api.ConfigException;
import org.openpayloads.engine.model.AdminToken;
import org.openpayloads.engine.model.Credential;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.model.JobRequest;
import org.openpayloads.engine.model.JobSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NewJob;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.store.StoreTesting.OpenStore;
import org.openpayloads.store.crypto.MasterKey;
import org.openpayloads.testkit.TestDatabase;

@Tag("database")
class StoreTest {

    @Test
    void opensHealthyAndNamesItsDatabase() {
        try (OpenStore open = OpenStore.create()) {
            Store store = open.store();

            assertThat(store.isHealthy()).isTrue();
            assertThat(store.databaseProduct()).isEqualTo(
                    open.database().kind() == TestDatabase.Kind.HSQLDB ? "HSQLDB" : "PostgreSQL");

            store.close();

            assertThat(store.isHealthy()).isFalse();
            store.close();
        }
    }

    @Test
    void aSettingIsStoredOnceAndTheFirstValueStays() {
        try (OpenStore open = OpenStore.create()) {
            Store store = open.store();

            assertThat(store.setting("sample.stripe")).isEmpty();
            assertThat(store.putSettingIfAbsent("sample.stripe", "loaded 1")).isTrue();
            assertThat(store.putSettingIfAbsent("sample.stripe", "loaded 2")).isFalse();

            assertThat(store.setting("sample.stripe")).contains("loaded 1");
            assertThatThrownBy(() -> store.putSettingIfAbsent("x".repeat(101), "v"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 100");
        }
    }

    @Test
    void isHealthyTurnsFalseWhenTheQueryFailsAndNeverThrows() {
        try (OpenStore open = OpenStore.create()) {
            StoreTesting.execute(open.database(), "DROP TABLE store_setting");

            long started = System.nanoTime();
            assertThat(open.store().isHealthy()).isFalse();
            assertThat(open.store().isHealthy()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aRestartKeepsEveryKindOfData() {
        try (OpenStore first = OpenStore.create()) {
            Store store = first.store();
            Integration integration = store.integrations().create(StoreTesting.integration("stripe"), "alice");
            Payload payload = store.payloads().create("stripe", StoreTesting.fullPayload("charge"), "alice");
            Credential credential = store.credentials().create("stripe", new CredentialChange("stripe-key", "Key",
                    CredentialType.STRIPE, Map.of("apiBase", "https://api.stripe.com"),
                    Map.of("secretKey", "sk_test_restart_1234"), Set.of()), "alice");
            Job job = store.jobs().create(new NewJob("stripe", "charge", Direction.INBOUND, JobStatus.QUEUED,
                    JobSource.EXTERNAL_API, new JobRequest("application/json", Map.of("A", "b"), "{}".getBytes()),
                    null, null, null, null));
            AdminToken token = store.adminTokens().create("admin", "opl_x", "a".repeat(64),
                    Instant.parse("2026-01-01T00:00:00Z"), "system");

            try (OpenStore second = first.reopen()) {
                Store reopened = second.store();
                assertThat(reopened.integrations().find("stripe")).contains(integration);
                assertThat(reopened.payloads().find("stripe", "charge")).contains(payload);
                assertThat(reopened.credentials().find("stripe", "stripe-key")).contains(credential);
                assertThat(reopened.credentials().resolve("stripe", "stripe-key").orElseThrow().secret("secretKey"))
                        .contains("sk_test_restart_1234");
                assertThat(reopened.jobs().find(job.id())).contains(job);
                assertThat(reopened.adminTokens().find(token.id())).contains(token);
                assertThat(reopened.jobs().create(new NewJob("stripe", "charge", Direction.INBOUND, JobStatus.QUEUED,
                        JobSource.EXTERNAL_API, new JobRequest(null, Map.of(), new byte[0]), null, null, null, null))
                        .id()).isNotEqualTo(job.id());
            }
        }
    }

    @Test
    void aWrongMasterKeyFailsOpenNamingBothKeysAndTheWayOut() {
        try (OpenStore open = OpenStore.create()) {
            open.store().close();
            MasterKey wrong = MasterKey.random();

            assertThatThrownBy(() -> Store.open(StoreTesting.settings(open.database(), wrong)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("does not match the key " + open.key().id())
                    .hasMessageContaining(wrong.id())
                    .hasMessageContaining("encrypted this database's secrets")
                    .hasMessageContaining("set PAYLOADS_MASTER_KEY to the original key")
                    .hasMessageContaining("restore the original key file")
                    .satisfies(e -> assertThat(((ConfigException) e).errors().get(0).field())
                            .isEqualTo("PAYLOADS_MASTER_KEY"));

            // The failed start left nothing open: the right key still opens the database.
            try (Store store = Store.open(StoreTesting.settings(open.database(), open.key()))) {
                assertThat(store.isHealthy()).isTrue();
            }
        }
    }

    @Test
    void aSchemaThatDriftedFromTheEntitiesFailsOpen() {
        try (OpenStore open = OpenStore.create()) {
            open.store().close();
            StoreTesting.execute(open.database(), "ALTER TABLE integration DROP COLUMN label");

            assertThatThrownBy(() -> Store.open(StoreTesting.settings(open.database(), open.key())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("schema does not match")
                    .hasMessageContaining("label");
        }
    }

    @Test
    void anUnreachableDatabaseFailsNamingItButNeverThePassword() {
        StoreSettings settings = new StoreSettings("jdbc:postgresql://127.0.0.1:1/none?password=hunter2",
                "payloads", "s3cret-password", 1, MasterKey.random());

        assertThatThrownBy(() -> Store.open(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/none?password=[hidden]")
                .hasMessageContaining("as user 'payloads'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("s3cret"));
    }

    @Test
    void closeShutsHsqldbDownCleanlyAndAReopenIsFast() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.HSQLDB)) {
            MasterKey key = MasterKey.random();
            Store.open(StoreTesting.settings(database, key)).close();
            Path files = database.dataDirectory().resolve("db");

            // A clean SHUTDOWN leaves no log to replay and no lock behind.
            assertThat(Files.exists(files.resolve("payloads.script"))).isTrue();
            assertThat(Files.exists(files.resolve("payloads.log"))).isFalse();
            assertThat(Files.exists(files.resolve("payloads.lck"))).isFalse();

            long started = System.nanoTime();
            try (Store store = Store.open(StoreTesting.settings(database, key))) {
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
                assertThat(store.databaseProduct()).isEqualTo("HSQLDB");
            }
        }
    }

    @Test
    void theDefaultUrlLeadsToADurableEmbeddedDatabase(@TempDir Path directory) {
        MasterKey key = MasterKey.load(null, directory.resolve("master.key"));
        try (Store store = Store.open(StoreSettings.hsqldb(directory, key))) {
            store.integrations().create(StoreTesting.integration("durable"), "alice");
        }
        try (Store store = Store.open(StoreSettings.hsqldb(directory, MasterKey.load(null,
                directory.resolve("master.key"))))) {
            assertThat(store.integrations().find("durable")).isPresent();
        }
        assertThat(Files.exists(directory.resolve("db/payloads.script"))).isTrue();
    }
}
