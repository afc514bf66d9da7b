package org.openpayloads.org.db;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work in a transaction of its own. Writes are retried when they lost a race with another writer (a
 * unique key taken, a record changed, a serialization failure): the work runs again from the start and
 * sees what the winner committed, which turns a concurrent second insert of one external id into an update.
 */
public final class Transactions implements TxRunner {

    static final int MAX_ATTEMPTS = 12;
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private final SessionFactory factory;

    public Transactions(SessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public <T> T read(Function<Session, T> work) {
        return once(work, true);
    }

    @Override
    public <T> T write(Function<Session, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work, false);
            } catch (RuntimeException e) {
                if (!isConflict(e) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.debug("A write lost a race (attempt {}), running it again: {}", attempt, e.toString());
                backOff(attempt);
            }
        }
    }

    /** Opens a transaction that several operations share; the caller commits or rolls it back. */
    public SharedTransaction share() {
        return new SharedTransaction(factory.openSession());
    }

    private <T> T once(Function<Session, T> work, boolean readOnly) {
        try (Session session = factory.openSession()) {
            session.setDefaultReadOnly(readOnly);
            Transaction tx = session.beginTransaction();
            try {
                T result = work.apply(session);
                session.flush();
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw e;
            }
        }
    }

    /** Whether a failure means another transaction won a race, so that running the work again may succeed. */
    public static boolean isConflict(Throwable thrown) {
        for (Throwable e = thrown; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof StaleStateException || e instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
            if (e instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 23: integrity (a unique key another writer took); 40: serialization failure or deadlock.
                if (state.startsWith("23505") || state.equals("23000") || state.startsWith("40")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a write", e);
        }
    }
}
