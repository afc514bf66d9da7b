package org.openpayloads.store;

import java.util.Optional;
import org.hibernate.Session;
import org.openpayloads.api.ConflictException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.store.entity.CredentialEntity;
import org.openpayloads.store.entity.IntegrationEntity;
import org.openpayloads.store.entity.PayloadEntity;

/** Finds configuration rows by API name, and words the errors when they are missing or taken. */
final class Lookups {

    private Lookups() {
    }

    static Optional<IntegrationEntity> integration(Session session, String apiName) {
        return session.createSelectionQuery("from IntegrationEntity where apiName = :apiName", IntegrationEntity.class)
                .setParameter("apiName", apiName)
                .uniqueResultOptional();
    }

    static IntegrationEntity requireIntegration(Session session, String apiName) {
        return integration(session, apiName).orElseThrow(() -> NotFoundException.of("integration", apiName));
    }

    static Optional<PayloadEntity> payload(Session session, String integration, String apiName) {
        return session.createSelectionQuery("select p from PayloadEntity p join fetch p.integration i "
                        + "where i.apiName = :integration and p.apiName = :apiName", PayloadEntity.class)
                .setParameter("integration", integration)
                .setParameter("apiName", apiName)
                .uniqueResultOptional();
    }

    /** The payload; NotFound names the integration when that is what is missing. */
    static PayloadEntity requirePayload(Session session, String integration, String apiName) {
        return payload(session, integration, apiName).orElseThrow(() -> {
            requireIntegration(session, integration);
            return NotFoundException.of("payload", integration + "/" + apiName);
        });
    }

    static Optional<CredentialEntity> credential(Session session, String integration, String apiName) {
        return session.createSelectionQuery("select c from CredentialEntity c join fetch c.integration i "
                        + "where i.apiName = :integration and c.apiName = :apiName", CredentialEntity.class)
                .setParameter("integration", integration)
                .setParameter("apiName", apiName)
                .uniqueResultOptional();
    }

    static CredentialEntity requireCredential(Session session, String integration, String apiName) {
        return credential(session, integration, apiName).orElseThrow(() -> {
            requireIntegration(session, integration);
            return NotFoundException.of("credential", integration + "/" + apiName);
        });
    }

    static ConflictException duplicateIntegration(String apiName) {
        return new ConflictException("apiName", "An integration '" + apiName + "' already exists; expected a "
                + "unique API name");
    }

    static ConflictException duplicatePayload(String integration, String apiName) {
        return new ConflictException("apiName", "A payload '" + apiName + "' already exists in integration '"
                + integration + "'; expected a unique API name");
    }

    static ConflictException duplicateCredential(String integration, String apiName) {
        return new ConflictException("apiName", "A credential '" + apiName + "' already exists in integration '"
                + integration + "'; expected a unique API name");
    }
}
