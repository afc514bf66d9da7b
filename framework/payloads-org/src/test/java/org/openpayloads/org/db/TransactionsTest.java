package org.openpayloads.org.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.SessionFactory;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpayloads.org.OrgTesting.OpenOrg;

@Tag("database")
class TransactionsTest {

    @Test
    void aWriteThatLostARaceRunsAgainAndOtherFailuresDoNot() {
        try (OpenOrg open = OpenOrg.create();
             SessionFactory factory = OrgHibernate.sessionFactory(open.dataSource, OrgDatabase.of(open.dataSource))) {
            Transactions tx = new Transactions(factory);
            AtomicInteger attempts = new AtomicInteger();
            String result = tx.write(session -> {
                if (attempts.incrementAndGet() < 3) {
                    throw new StaleObjectStateException("RecordEntity", 1L);
                }
                return "done";
            });
            assertThat(result).isEqualTo("done");
            assertThat(attempts).hasValue(3);
            AtomicInteger once = new AtomicInteger();
            assertThatThrownBy(() -> tx.write(session -> {
                once.incrementAndGet();
                throw new IllegalArgumentException("a bug, not a race");
            })).hasMessage("a bug, not a race");
            assertThat(once).hasValue(1);
            AtomicInteger forever = new AtomicInteger();
            assertThatThrownBy(() -> tx.write(session -> {
                forever.incrementAndGet();
                throw new StaleObjectStateException("RecordEntity", 1L);
            })).isInstanceOf(StaleObjectStateException.class);
            assertThat(forever).hasValue(Transactions.MAX_ATTEMPTS);
        }
    }

    @Test
    void aSharedTransactionKeepsNothingWithoutCommit() {
        try (OpenOrg open = OpenOrg.create();
             SessionFactory factory = OrgHibernate.sessionFactory(open.dataSource, OrgDatabase.of(open.dataSource))) {
            Transactions tx = new Transactions(factory);
            Settings settings = new Settings(tx);
            try (SharedTransaction shared = tx.share()) {
                new Settings(shared).put("draft", "1");
                assertThat(new Settings(shared).get("draft")).contains("1");
            }
            assertThat(settings.get("draft")).isEmpty();
            try (SharedTransaction shared = tx.share()) {
                new Settings(shared).put("kept", "2");
                shared.commit();
            }
            assertThat(settings.get("kept")).contains("2");
            assertThat(settings.getOrCreate("kept", () -> "3")).isEqualTo("2");
        }
    }

    @Test
    void conflictsAreToldBySqlState() {
        assertThat(Transactions.isConflict(new RuntimeException(new SQLException("dup", "23505")))).isTrue();
        assertThat(Transactions.isConflict(new RuntimeException(new SQLException("serialization", "40001"))))
                .isTrue();
        assertThat(Transactions.isConflict(new RuntimeException(new SQLException("syntax", "42601")))).isFalse();
        assertThat(Transactions.isConflict(new IllegalStateException("no"))).isFalse();
    }
}
