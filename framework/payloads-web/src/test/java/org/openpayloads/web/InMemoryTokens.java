package org.openpayloads.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.model.AdminToken;
import org.openpayloads.engine.port.AdminTokenRepository;

/** An admin token store in a map, for tests. */
public final class InMemoryTokens implements AdminTokenRepository {

    private final Map<Long, AdminToken> byId = new LinkedHashMap<>();
    private final Map<Long, String> hashes = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public synchronized AdminToken create(String name, String prefix, String tokenHash, Instant createdAt,
                                          @Nullable String createdBy) {
        AdminToken token = new AdminToken(nextId++, name, prefix, createdAt, createdBy, null, null);
        byId.put(token.id(), token);
        hashes.put(token.id(), tokenHash);
        return token;
    }

    @Override
    public synchronized List<AdminToken> findAll() {
        return new ArrayList<>(byId.values());
    }

    @Override
    public synchronized Optional<AdminToken> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<AdminToken> useActive(String tokenHash, Instant usedAt) {
        for (AdminToken token : byId.values()) {
            if (token.active() && hashes.get(token.id()).equals(tokenHash)) {
                AdminToken used = new AdminToken(token.id(), token.name(), token.prefix(), token.createdAt(),
                        token.createdBy(), usedAt, null);
                byId.put(used.id(), used);
                return Optional.of(used);
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized boolean revoke(long id, Instant revokedAt) {
        AdminToken token = byId.get(id);
        if (token == null || !token.active()) {
            return false;
        }
        byId.put(id, new AdminToken(id, token.name(), token.prefix(), token.createdAt(), token.createdBy(),
                token.lastUsedAt(), revokedAt));
        return true;
    }

    @Override
    public synchronized long countActive() {
        return byId.values().stream().filter(AdminToken::active).count();
    }
}
