package org.openpayloads.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openpayloads.api.ConflictException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.model.AuditInfo;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.port.IntegrationRepository;

/** An integration store in a map, for tests; audits with a fixed clock. */
public final class InMemoryIntegrations implements IntegrationRepository {

    private final Map<String, Integration> byName = new LinkedHashMap<>();
    private final Clock clock;

    public InMemoryIntegrations(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized List<Integration> findAll() {
        return new ArrayList<>(byName.values());
    }

    @Override
    public synchronized Optional<Integration> find(String apiName) {
        return Optional.ofNullable(byName.get(apiName));
    }

    @Override
    public synchronized Integration create(Integration integration, String actor) {
        if (byName.containsKey(integration.apiName())) {
            throw new ConflictException("apiName", "An integration '" + integration.apiName() + "' already exists");
        }
        Integration stored = integration.withAudit(new AuditInfo(clock.instant(), actor, clock.instant(), actor, 1));
        byName.put(stored.apiName(), stored);
        return stored;
    }

    @Override
    public synchronized Integration update(String apiName, Integration integration, String actor) {
        Integration current = byName.get(apiName);
        if (current == null) {
            throw NotFoundException.of("integration", apiName);
        }
        if (!apiName.equals(integration.apiName()) && byName.containsKey(integration.apiName())) {
            throw new ConflictException("apiName", "An integration '" + integration.apiName() + "' already exists");
        }
        AuditInfo audit = current.audit();
        Integration stored = integration.withAudit(new AuditInfo(audit.createdAt(), audit.createdBy(),
                clock.instant(), actor, audit.version() + 1));
        byName.remove(apiName);
        byName.put(stored.apiName(), stored);
        return stored;
    }

    @Override
    public synchronized void delete(String apiName, String actor) {
        byName.remove(apiName);
    }
}
