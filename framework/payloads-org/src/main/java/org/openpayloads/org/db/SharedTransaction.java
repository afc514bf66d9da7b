package org.openpayloads.org.db;

import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.Transaction;

/**
 * One transaction for several operations, as a composite request with allOrNone needs: nothing is committed
 * until {@link #commit()}, and {@link #close()} without it rolls everything back. Not retried: a lost race
 * fails the whole unit.
 */
public final class SharedTransaction implements TxRunner, AutoCloseable {

    private final Session session;
    private final Transaction tx;
    private boolean committed;

    SharedTransaction(Session session) {
        this.session = session;
        this.tx = session.beginTransaction();
    }

    @Override
    public <T> T read(Function<Session, T> work) {
        return work.apply(session);
    }

    @Override
    public <T> T write(Function<Session, T> work) {
        T result = work.apply(session);
        session.flush();
        return result;
    }

    public void commit() {
        tx.commit();
        committed = true;
    }

    @Override
    public void close() {
        try {
            if (!committed && tx.isActive()) {
                tx.rollback();
            }
        } finally {
            session.close();
        }
    }
}
