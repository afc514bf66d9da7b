package org.openpayloads.store;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.JDBCException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConflictException;
import org.openpayloads.store.entity.AuditActor;

/**
 * Runs each repository call in a transaction of its own. A write names its actor, for the audit
 * revision, and says what a unique-key violation means, so that two concurrent creates of one name end
 * in a {@link ConflictException} rather than a raw SQL error. A transaction that loses a serialization
 * or deadlock race is run again, a few times, on fresh state.
 */
final class Transactions {

    private static final int MAX_ATTEMPTS = 3;

    private final SessionFactory sessionFactory;
    private final Clock clock;

    Transactions(SessionFactory sessionFactory, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.clock = clock;
    }

    <T> T read(Function<Session, T> work) {
        return sessionFactory.fromTransaction(session -> {
            session.setDefaultReadOnly(true);
            return work.apply(session);
        });
    }

    /**
     * @param onDuplicate the exception for a unique-key violation: the name that already exists
     */
    <T> T write(@Nullable String actor, Supplier<ConflictException> onDuplicate, Function<Session, T> work) {
        for (int attempt = 1; ; attempt++) {
            if (actor != null) {
                AuditActor.set(actor);
            }
            try {
                return sessionFactory.fromTransaction(work);
            } catch (RuntimeException e) {
                String state = sqlState(e);
                if (Sql.UNIQUE_VIOLATION.equals(state)) {
                    throw onDuplicate.get();
                }
                if (!isRetriable(state) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            } finally {
                AuditActor.clear();
            }
        }
    }

    /** Now, to the microsecond that both databases keep, so that what is returned equals what is read. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    Clock clock() {
        return clock;
    }

    SessionFactory sessionFactory() {
        return sessionFactory;
    }

    /** Serialization failure (40001) or deadlock (40P01): another transaction won; trying again may work. */
    private static boolean isRetriable(@Nullable String state) {
        return state != null && state.startsWith("40");
    }

    private static @Nullable String sqlState(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof JDBCException jdbc && jdbc.getSQLState() != null) {
                return jdbc.getSQLState();
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
