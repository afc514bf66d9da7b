package org.openpayloads.org.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.openpayloads.org.db.SessionEntity;
import org.openpayloads.org.db.TxRunner;

/**
 * Session tokens, as OAuth hands them out. Only a token's SHA-256 is stored; a small cache spares the
 * database a read on every API call. A session ends a fixed time after it was issued.
 */
public final class Sessions {

    /** Salesforce's default session timeout. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(2);

    /** An issued session; the token is shown to the client once. */
    public record OrgSession(String token, String userId, Instant issuedAt, Instant expiresAt) {

        @Override
        public String toString() {
            return "OrgSession[token=[hidden], userId=" + userId + ", expiresAt=" + expiresAt + "]";
        }
    }

    private record Known(String userId, Instant expiresAt) {
    }

    private final TxRunner tx;
    private final Clock clock;
    private final Duration ttl;
    private final String orgId;
    private final Cache<String, Known> cache = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    public Sessions(TxRunner tx, Clock clock, Duration ttl, String orgId) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("session timeout was " + ttl + "; expected more than zero");
        }
        this.tx = tx;
        this.clock = clock;
        this.ttl = ttl;
        this.orgId = orgId;
    }

    public OrgSession issue(String userId) {
        String token = orgId.substring(0, 15) + "!" + Secrets.random(96);
        Instant now = clock.instant();
        SessionEntity entity = new SessionEntity();
        entity.tokenHash = Secrets.sha256(token);
        entity.userId = userId;
        entity.issuedAt = now;
        entity.expiresAt = now.plus(ttl);
        tx.write(session -> {
            // Expired sessions are dropped now and then, when new ones are made.
            session.createMutationQuery("delete from SessionEntity s where s.expiresAt < :now")
                    .setParameter("now", now.minus(Duration.ofDays(1))).executeUpdate();
            session.persist(entity);
            return null;
        });
        cache.put(entity.tokenHash, new Known(userId, entity.expiresAt));
        return new OrgSession(token, userId, now, entity.expiresAt);
    }

    /** The user of a live session, or empty for an unknown or expired token. */
    public Optional<String> userOf(String token) {
        String hash = Secrets.sha256(token);
        Known known = cache.getIfPresent(hash);
        if (known == null) {
            known = tx.read(session -> Optional.ofNullable(session.find(SessionEntity.class, hash))
                    .map(s -> new Known(s.userId, s.expiresAt)).orElse(null));
            if (known == null) {
                return Optional.empty();
            }
            cache.put(hash, known);
        }
        return clock.instant().isBefore(known.expiresAt()) ? Optional.of(known.userId()) : Optional.empty();
    }
}
