package org.openpayloads.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConflictException;
import org.openpayloads.engine.model.AdminToken;
import org.openpayloads.engine.port.AdminTokenRepository;
import org.openpayloads.store.entity.AdminTokenEntity;

/** Admin tokens by hash. Not audited: a token's own columns say when it was made, used and revoked. */
final class HibernateAdminTokenRepository implements AdminTokenRepository {

    private final Transactions transactions;

    HibernateAdminTokenRepository(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public AdminToken create(String name, String prefix, String tokenHash, Instant createdAt,
                             @Nullable String createdBy) {
        return transactions.write(null, () -> new ConflictException("tokenHash", "A token with the same hash as '"
                + prefix + "...' is already stored; expected a new token"), session -> {
            AdminTokenEntity entity = new AdminTokenEntity(name, prefix, tokenHash, createdAt, createdBy);
            session.persist(entity);
            session.flush();
            return entity.toRecord();
        });
    }

    @Override
    public List<AdminToken> findAll() {
        return transactions.read(session -> session
                .createSelectionQuery("from AdminTokenEntity order by createdAt desc, id desc", AdminTokenEntity.class)
                .getResultList().stream().map(AdminTokenEntity::toRecord).toList());
    }

    @Override
    public Optional<AdminToken> find(long id) {
        return transactions.read(session -> Optional.ofNullable(session.find(AdminTokenEntity.class, id))
                .map(AdminTokenEntity::toRecord));
    }

    @Override
    public Optional<AdminToken> useActive(String tokenHash, Instant usedAt) {
        return transactions.write(null, () -> new ConflictException("tokenHash", "unexpected duplicate token"),
                session -> active(session, tokenHash).map(token -> {
                    token.used(usedAt);
                    return token.toRecord();
                }));
    }

    @Override
    public boolean revoke(long id, Instant revokedAt) {
        return transactions.write(null, () -> new ConflictException("id", "unexpected duplicate token"), session -> {
            AdminTokenEntity token = session.find(AdminTokenEntity.class, id);
            if (token == null || !token.toRecord().active()) {
                return false;
            }
            token.revoke(revokedAt);
            return true;
        });
    }

    @Override
    public long countActive() {
        return transactions.read(session -> session
                .createSelectionQuery("select count(t) from AdminTokenEntity t where t.revokedAt is null", Long.class)
                .getSingleResult());
    }

    private static Optional<AdminTokenEntity> active(Session session, String tokenHash) {
        return session.createSelectionQuery("from AdminTokenEntity where tokenHash = :hash and revokedAt is null",
                        AdminTokenEntity.class)
                .setParameter("hash", tokenHash)
                .uniqueResultOptional();
    }
}
