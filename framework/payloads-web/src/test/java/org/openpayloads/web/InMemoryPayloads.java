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
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.port.PayloadRepository;

/** A payload store in maps, for tests. */
public final class InMemoryPayloads implements PayloadRepository {

    private final Map<String, Map<String, Payload>> byIntegration = new LinkedHashMap<>();
    private final Clock clock;

    public InMemoryPayloads(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized List<Payload> findAll(String integration) {
        return new ArrayList<>(of(integration).values());
    }

    /** The web tests never start pollers, and this store does not know which integrations are active. */
    @Override
    public Map<String, List<Payload>> findActivePolling() {
        throw new UnsupportedOperationException("findActivePolling: the web tests run no pollers");
    }

    @Override
    public synchronized Optional<Payload> find(String integration, String payload) {
        return Optional.ofNullable(of(integration).get(payload));
    }

    @Override
    public synchronized Payload create(String integration, Payload payload, String actor) {
        Map<String, Payload> payloads = of(integration);
        if (payloads.containsKey(payload.apiName())) {
            throw new ConflictException("apiName", "A payload '" + payload.apiName() + "' already exists");
        }
        Payload stored = withAudit(payload, new AuditInfo(clock.instant(), actor, clock.instant(), actor, 1));
        payloads.put(stored.apiName(), stored);
        return stored;
    }

    @Override
    public synchronized Payload update(String integration, String payloadApiName, Payload payload, String actor) {
        Map<String, Payload> payloads = of(integration);
        Payload current = payloads.get(payloadApiName);
        if (current == null) {
            throw NotFoundException.of("payload", integration + "/" + payloadApiName);
        }
        if (!payloadApiName.equals(payload.apiName()) && payloads.containsKey(payload.apiName())) {
            throw new ConflictException("apiName", "A payload '" + payload.apiName() + "' already exists");
        }
        AuditInfo audit = current.audit();
        Payload stored = withAudit(payload, new AuditInfo(audit.createdAt(), audit.createdBy(), clock.instant(),
                actor, audit.version() + 1));
        payloads.remove(payloadApiName);
        payloads.put(stored.apiName(), stored);
        return stored;
    }

    @Override
    public synchronized void delete(String integration, String payload, String actor) {
        of(integration).remove(payload);
    }

    private Map<String, Payload> of(String integration) {
        return byIntegration.computeIfAbsent(integration, name -> new LinkedHashMap<>());
    }

    private static Payload withAudit(Payload p, AuditInfo audit) {
        return new Payload(p.apiName(), p.label(), p.description(), p.direction(), p.kind(), p.contentType(),
                p.allowPartialSuccess(), p.active(), p.auth(), p.dedupeKey(), p.orderingKey(), p.syncResponse(),
                p.whenInactive(), p.redactPaths(), p.endpointUrl(), p.httpMethod(), p.credential(), p.elements(),
                p.targets(), p.sources(), p.expansions(), p.polling(), audit);
    }
}
