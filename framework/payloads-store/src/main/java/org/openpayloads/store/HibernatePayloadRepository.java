package org.openpayloads.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.port.PayloadRepository;
import org.openpayloads.store.entity.IntegrationEntity;
import org.openpayloads.store.entity.PayloadEntity;

/**
 * Payloads as whole aggregates: an update replaces the tree (elements, targets, sources, mappings) and
 * reads it back, so that what a caller gets is what was stored.
 */
final class HibernatePayloadRepository implements PayloadRepository {

    private final Transactions transactions;
    private final PayloadTrees trees;

    HibernatePayloadRepository(Transactions transactions, PayloadTrees trees) {
        this.transactions = transactions;
        this.trees = trees;
    }

    @Override
    public List<Payload> findAll(String integration) {
        return transactions.read(session -> {
            IntegrationEntity owner = Lookups.requireIntegration(session, integration);
            List<PayloadEntity> payloads = session.createSelectionQuery(
                            "from PayloadEntity where integration = :integration order by apiName", PayloadEntity.class)
                    .setParameter("integration", owner)
                    .getResultList();
            return trees.load(session, payloads);
        });
    }

    @Override
    public Map<String, List<Payload>> findActivePolling() {
        return transactions.read(session -> {
            List<PayloadEntity> entities = session.createSelectionQuery("from PayloadEntity p join fetch "
                            + "p.integration i where p.kind = :kind and p.active = true and i.active = true "
                            + "order by i.apiName, p.apiName", PayloadEntity.class)
                    .setParameter("kind", PayloadKind.POLLING)
                    .getResultList();
            List<Payload> loaded = trees.load(session, entities);
            Map<String, List<Payload>> byIntegration = new LinkedHashMap<>();
            for (int i = 0; i < entities.size(); i++) {
                byIntegration.computeIfAbsent(entities.get(i).getIntegration().getApiName(), name -> new ArrayList<>())
                        .add(loaded.get(i));
            }
            return byIntegration;
        });
    }

    @Override
    public Optional<Payload> find(String integration, String payload) {
        return transactions.read(session -> {
            Optional<PayloadEntity> entity = Lookups.payload(session, integration, payload);
            if (entity.isEmpty()) {
                Lookups.requireIntegration(session, integration);
                return Optional.empty();
            }
            return Optional.of(load(session, entity.get()));
        });
    }

    @Override
    public Payload create(String integration, Payload payload, String actor) {
        String apiName = payload.apiName();
        return transactions.write(actor, () -> Lookups.duplicatePayload(integration, apiName), session -> {
            IntegrationEntity owner = Lookups.requireIntegration(session, integration);
            if (Lookups.payload(session, integration, apiName).isPresent()) {
                throw Lookups.duplicatePayload(integration, apiName);
            }
            PayloadEntity entity = new PayloadEntity(owner, payload);
            entity.created(actor, transactions.now());
            session.persist(entity);
            trees.insert(session, entity, payload);
            session.flush();
            return load(session, entity);
        });
    }

    @Override
    public Payload update(String integration, String payloadApiName, Payload payload, String actor) {
        String newName = payload.apiName();
        return transactions.write(actor, () -> Lookups.duplicatePayload(integration, newName), session -> {
            PayloadEntity entity = Lookups.requirePayload(session, integration, payloadApiName);
            if (!payloadApiName.equals(newName) && Lookups.payload(session, integration, newName).isPresent()) {
                throw Lookups.duplicatePayload(integration, newName);
            }
            trees.removeParts(session, List.of(entity));
            entity.apply(payload);
            entity.modified(actor, transactions.now());
            trees.insert(session, entity, payload);
            session.flush();
            return load(session, entity);
        });
    }

    /** Deletes the payload and its tree; the database cascades its jobs. */
    @Override
    public void delete(String integration, String payload, String actor) {
        transactions.write(actor, () -> Lookups.duplicatePayload(integration, payload), session -> {
            PayloadEntity entity = Lookups.requirePayload(session, integration, payload);
            trees.removeParts(session, List.of(entity));
            session.remove(entity);
            return null;
        });
    }

    private Payload load(Session session, PayloadEntity entity) {
        return trees.load(session, List.of(entity)).get(0);
    }
}
