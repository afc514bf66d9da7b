package org.openpayloads.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.JDBCException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.ConflictException;
import org.openpayloads.engine.model.AuditInfo;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.store.StoreTesting.OpenStore;
import org.openpayloads.store.entity.AuditActor;
import org.openpayloads.store.entity.SettingEntity;

@Tag("database")
class TransactionsTest {

    private static OpenStore open;
    private static Transactions transactions;

    @BeforeAll
    static void open() {
        open = OpenStore.create();
        transactions = new Transactions(open.store().sessionFactory(), open.clock());
    }

    @AfterAll
    static void close() {
        open.close();
    }

    @Test
    void aUniqueViolationBecomesTheGivenConflict() {
        transactions.write("alice", () -> new ConflictException("name", "first"), session -> {
            session.persist(new SettingEntity("unique-test", "1"));
            return null;
        });

        assertThatThrownBy(() -> transactions.write("alice", () -> new ConflictException("name", "taken: unique-test"),
                session -> {
                    session.persist(new SettingEntity("unique-test", "2"));
                    return null;
                }))
                .isInstanceOf(ConflictException.class)
                .hasMessage("taken: unique-test");
    }

    @Test
    void theActorIsSetDuringAWriteAndClearedAfterEvenOnFailure() {
        String seen = transactions.write("bob", () -> new ConflictException("x", "x"), session -> AuditActor.current());
        assertThat(seen).isEqualTo("bob");
        assertThat(AuditActor.current()).isNull();

        assertThatThrownBy(() -> transactions.write("carol", () -> new ConflictException("x", "x"), session -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(AuditActor.current()).isNull();
    }

    @Test
    void aLostSerializationRaceIsRunAgain() {
        AtomicInteger attempts = new AtomicInteger();

        String result = transactions.write("alice", () -> new ConflictException("x", "x"), session -> {
            if (attempts.incrementAndGet() == 1) {
                throw new JDBCException("lost", new SQLException("serialization failure", "40001"));
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void retriesStopAfterThreeAttemptsAndOtherErrorsAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> transactions.write("alice", () -> new ConflictException("x", "x"), session -> {
            attempts.incrementAndGet();
            throw new JDBCException("deadlock", new SQLException("deadlock", "40P01"));
        })).isInstanceOf(JDBCException.class);
        assertThat(attempts).hasValue(3);

        AtomicInteger once = new AtomicInteger();
        assertThatThrownBy(() -> transactions.write("alice", () -> new ConflictException("x", "x"), session -> {
            once.incrementAndGet();
            throw new JDBCException("bad", new SQLException("syntax", "42000"));
        })).isInstanceOf(JDBCException.class);
        assertThat(once).hasValue(1);
    }

    @Test
    void readsDoNotWriteChangesBack() {
        String name = StoreTesting.storedIntegration(open.store());

        transactions.read(session -> {
            Lookups.requireIntegration(session, name).apply(new Integration(name, "Changed in a read", null, false,
                    AuditInfo.NEW));
            return null;
        });

        assertThat(open.store().integrations().find(name).orElseThrow().label()).isEqualTo("Label of " + name);
    }

    @Test
    void nowKeepsMicroseconds() {
        open.clock().set(Instant.parse("2026-05-05T05:05:05.123456789Z"));

        assertThat(transactions.now()).isEqualTo(Instant.parse("2026-05-05T05:05:05.123456Z"));
    }
}
