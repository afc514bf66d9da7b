package org.openpayloads.engine.port;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.openpayloads.api.NotFoundException;

/**
 * The polling state and leases in memory, for tests of what polls. It keeps the store's semantics (the store's
 * {@code JdbcPollStates}): a lease is taken when no one holds it, its owner holds it, or it has expired; a save
 * stores nothing unless its owner holds an unexpired lease; the integration must exist to be leased, and the
 * payload to be saved (as a {@link InMemoryJobQueue.Catalog} tells). Thread-safe: each method holds one lock.
 */
public final class InMemoryPollStates implements PollStates {

    private final InMemoryJobQueue.Catalog catalog;
    private final Object lock = new Object();
    private final Map<String, Lease> leases = new HashMap<>();
    private final Map<String, PollState> states = new HashMap<>();
    private volatile Consumer<PollState> onSave = state -> { };

    public InMemoryPollStates(InMemoryJobQueue.Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** Runs {@code check} at each save, before its lease is checked: to look at what was stored before it. */
    public void onSave(Consumer<PollState> check) {
        this.onSave = Objects.requireNonNull(check, "check");
    }

    @Override
    public boolean lease(String integration, String owner, Instant now, Duration lease) {
        if (!catalog.hasIntegration(integration)) {
            throw NotFoundException.of("integration", integration);
        }
        synchronized (lock) {
            Lease held = leases.get(integration);
            if (held != null && !held.owner().equals(owner) && held.expiresAt().isAfter(now)) {
                return false;
            }
            leases.put(integration, new Lease(owner, now.plus(lease)));
            return true;
        }
    }

    @Override
    public void release(String owner) {
        synchronized (lock) {
            leases.values().removeIf(lease -> lease.owner().equals(owner));
        }
    }

    @Override
    public Optional<Lease> holder(String integration) {
        synchronized (lock) {
            return Optional.ofNullable(leases.get(integration));
        }
    }

    @Override
    public Optional<PollState> find(String integration, String payload) {
        synchronized (lock) {
            return Optional.ofNullable(states.get(key(integration, payload)));
        }
    }

    @Override
    public boolean save(String integration, String payload, String owner, Instant now, PollState state) {
        Objects.requireNonNull(state, "state");
        onSave.accept(state);
        synchronized (lock) {
            Lease held = leases.get(integration);
            if (held == null || !held.owner().equals(owner) || !held.expiresAt().isAfter(now)) {
                return false;
            }
            if (!catalog.hasPayload(integration, payload)) {
                throw NotFoundException.of("payload", integration + "/" + payload);
            }
            states.put(key(integration, payload), state);
            return true;
        }
    }

    @Override
    public void reset(String integration, String payload) {
        synchronized (lock) {
            states.remove(key(integration, payload));
        }
    }

    private static String key(String integration, String payload) {
        return integration + '/' + payload;
    }
}
