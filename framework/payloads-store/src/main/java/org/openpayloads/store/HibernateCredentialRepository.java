package org.openpayloads.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.openpayloads.engine.model.Credential;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.ResolvedCredential;
import org.openpayloads.engine.port.CredentialRepository;
import org.openpayloads.engine.security.SecretMask;
import org.openpayloads.store.crypto.SecretCipher;
import org.openpayloads.store.entity.CredentialEntity;
import org.openpayloads.store.entity.IntegrationEntity;

/**
 * Credentials with their secrets encrypted at rest. Reads give secrets masked; only {@link #resolve}
 * decrypts them for use.
 */
final class HibernateCredentialRepository implements CredentialRepository {

    private final Transactions transactions;
    private final SecretCipher cipher;

    HibernateCredentialRepository(Transactions transactions, SecretCipher cipher) {
        this.transactions = transactions;
        this.cipher = cipher;
    }

    @Override
    public List<Credential> findAll(String integration) {
        return transactions.read(session -> {
            IntegrationEntity owner = Lookups.requireIntegration(session, integration);
            return session.createSelectionQuery("from CredentialEntity where integration = :integration "
                            + "order by apiName", CredentialEntity.class)
                    .setParameter("integration", owner)
                    .getResultList().stream().map(this::masked).toList();
        });
    }

    @Override
    public Optional<Credential> find(String integration, String apiName) {
        return transactions.read(session -> {
            Optional<CredentialEntity> entity = Lookups.credential(session, integration, apiName);
            if (entity.isEmpty()) {
                Lookups.requireIntegration(session, integration);
            }
            return entity.map(this::masked);
        });
    }

    @Override
    public Credential create(String integration, CredentialChange credential, String actor) {
        String apiName = credential.apiName();
        return transactions.write(actor, () -> Lookups.duplicateCredential(integration, apiName), session -> {
            IntegrationEntity owner = Lookups.requireIntegration(session, integration);
            if (Lookups.credential(session, integration, apiName).isPresent()) {
                throw Lookups.duplicateCredential(integration, apiName);
            }
            CredentialEntity entity = new CredentialEntity(owner);
            entity.apply(apiName, credential.label(), credential.type(), credential.attributes());
            credential.secretsToSet().forEach((name, value) -> entity.putSecret(name, cipher.encrypt(value)));
            entity.created(actor, transactions.now());
            session.persist(entity);
            session.flush();
            return masked(entity);
        });
    }

    /**
     * Replaces the attributes; encrypts the secrets to set, deletes those to remove and keeps the rest,
     * unless the type changes: then only the secrets set now are kept, as the old ones meant something else.
     */
    @Override
    public Credential update(String integration, String apiName, CredentialChange credential, String actor) {
        String newName = credential.apiName();
        return transactions.write(actor, () -> Lookups.duplicateCredential(integration, newName), session -> {
            CredentialEntity entity = Lookups.requireCredential(session, integration, apiName);
            if (!apiName.equals(newName) && Lookups.credential(session, integration, newName).isPresent()) {
                throw Lookups.duplicateCredential(integration, newName);
            }
            boolean typeChanged = entity.getType() != credential.type();
            entity.apply(newName, credential.label(), credential.type(), credential.attributes());
            entity.removeSecrets(credential.secretsToRemove());
            if (typeChanged) {
                entity.retainSecrets(credential.secretsToSet().keySet());
            }
            credential.secretsToSet().forEach((name, value) -> entity.putSecret(name, cipher.encrypt(value)));
            entity.modified(actor, transactions.now());
            session.flush();
            return masked(entity);
        });
    }

    @Override
    public void delete(String integration, String apiName, String actor) {
        transactions.write(actor, () -> Lookups.duplicateCredential(integration, apiName), session -> {
            session.remove(Lookups.requireCredential(session, integration, apiName));
            return null;
        });
    }

    @Override
    public Optional<ResolvedCredential> resolve(String integration, String apiName) {
        return transactions.read(session -> {
            Optional<CredentialEntity> entity = Lookups.credential(session, integration, apiName);
            if (entity.isEmpty()) {
                Lookups.requireIntegration(session, integration);
            }
            return entity.map(c -> new ResolvedCredential(c.getApiName(), c.getType(), c.getAttributes(),
                    secrets(c, cipher::decrypt)));
        });
    }

    private Credential masked(CredentialEntity entity) {
        return entity.toRecord(secrets(entity, ciphertext -> SecretMask.mask(cipher.decrypt(ciphertext))));
    }

    private static Map<String, String> secrets(CredentialEntity entity, UnaryOperator<String> reveal) {
        Map<String, String> secrets = new LinkedHashMap<>();
        entity.getSecrets().forEach((name, ciphertext) -> secrets.put(name, reveal.apply(ciphertext)));
        return secrets;
    }
}
