package org.openpayloads.store;

import java.util.List;
import java.util.Optional;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.port.IntegrationRepository;
import org.openpayloads.store.entity.CredentialEntity;
import org.openpayloads.store.entity.IntegrationEntity;
import org.openpayloads.store.entity.PayloadEntity;

/** Integrations. Deleting one removes its payloads and credentials row by row (so the audit sees them). */
final class HibernateIntegrationRepository implements IntegrationRepository {

    private final Transactions transactions;
    private final PayloadTrees trees;

    HibernateIntegrationRepository(Transactions transactions, PayloadTrees trees) {
        this.transactions = transactions;
        this.trees = trees;
    }

    @Override
    public List<Integration> findAll() {
        return transactions.read(session -> session
                .createSelectionQuery("from IntegrationEntity order by apiName", IntegrationEntity.class)
                .getResultList().stream().map(IntegrationEntity::toRecord).toList());
    }

    @Override
    public Optional<Integration> find(String apiName) {
        return transactions.read(session -> Lookups.integration(session, apiName).map(IntegrationEntity::toRecord));
    }

    @Override
    public Integration create(Integration integration, String actor) {
        String apiName = integration.apiName();
        return transactions.write(actor, () -> Lookups.duplicateIntegration(apiName), session -> {
            if (Lookups.integration(session, apiName).isPresent()) {
                throw Lookups.duplicateIntegration(apiName);
            }
            IntegrationEntity entity = new IntegrationEntity(integration);
            entity.created(actor, transactions.now());
            session.persist(entity);
            session.flush();
            return entity.toRecord();
        });
    }

    @Override
    public Integration update(String apiName, Integration integration, String actor) {
        String newName = integration.apiName();
        return transactions.write(actor, () -> Lookups.duplicateIntegration(newName), session -> {
            IntegrationEntity entity = Lookups.requireIntegration(session, apiName);
            if (!apiName.equals(newName) && Lookups.integration(session, newName).isPresent()) {
                throw Lookups.duplicateIntegration(newName);
            }
            entity.apply(integration);
            entity.modified(actor, transactions.now());
            session.flush();
            return entity.toRecord();
        });
    }

    /** Deletes the integration with its payloads and credentials; the database cascades its jobs. */
    @Override
    public void delete(String apiName, String actor) {
        transactions.write(actor, () -> Lookups.duplicateIntegration(apiName), session -> {
            IntegrationEntity entity = Lookups.requireIntegration(session, apiName);
            List<PayloadEntity> payloads = session
                    .createSelectionQuery("from PayloadEntity where integration = :integration", PayloadEntity.class)
                    .setParameter("integration", entity)
                    .getResultList();
            trees.removeParts(session, payloads);
            payloads.forEach(session::remove);
            session.createSelectionQuery("from CredentialEntity where integration = :integration",
                            CredentialEntity.class)
                    .setParameter("integration", entity)
                    .getResultList()
                    .forEach(session::remove);
            session.remove(entity);
            return null;
        });
    }
}
