package org.openpayloads.engine.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openpayloads.engine.model.Credential;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.ResolvedCredential;
import org.openpayloads.engine.port.CredentialRepository;
import org.openpayloads.engine.port.IntegrationRepository;
import org.openpayloads.engine.port.PayloadRepository;

/**
 * Integrations and payloads in maps, stored as given (these tests need no validation): the configuration
 * ports of the job tests, with {@link #NO_CREDENTIALS}.
 */
final class StoredConfiguration implements IntegrationRepository, PayloadRepository {

    /** No integration has credentials. */
    static final CredentialRepository NO_CREDENTIALS = new NoCredentials();

    private final Map<String, Integration> integrations = new LinkedHashMap<>();
    private final Map<String, Payload> payloads = new LinkedHashMap<>();

    @Override
    public List<Integration> findAll() {
        return List.copyOf(integrations.values());
    }

    @Override
    public Optional<Integration> find(String apiName) {
        return Optional.ofNullable(integrations.get(apiName));
    }

    @Override
    public Integration create(Integration integration, String actor) {
        integrations.put(integration.apiName(), integration);
        return integration;
    }

    @Override
    public Integration update(String apiName, Integration integration, String actor) {
        integrations.put(apiName, integration);
        return integration;
    }

    @Override
    public void delete(String apiName, String actor) {
        integrations.remove(apiName);
    }

    @Override
    public List<Payload> findAll(String integration) {
        return payloads.entrySet().stream().filter(e -> e.getKey().startsWith(integration + '/'))
                .map(Map.Entry::getValue).toList();
    }

    @Override
    public Map<String, List<Payload>> findActivePolling() {
        throw new UnsupportedOperationException("findActivePolling: the job tests run no pollers");
    }

    @Override
    public Optional<Payload> find(String integration, String payload) {
        return Optional.ofNullable(payloads.get(integration + '/' + payload));
    }

    @Override
    public Payload create(String integration, Payload payload, String actor) {
        payloads.put(integration + '/' + payload.apiName(), payload);
        return payload;
    }

    @Override
    public Payload update(String integration, String payloadApiName, Payload payload, String actor) {
        payloads.put(integration + '/' + payloadApiName, payload);
        return payload;
    }

    @Override
    public void delete(String integration, String payload, String actor) {
        payloads.remove(integration + '/' + payload);
    }

    private static final class NoCredentials implements CredentialRepository {

        @Override
        public List<Credential> findAll(String integration) {
            return List.of();
        }

        @Override
        public Optional<Credential> find(String integration, String apiName) {
            return Optional.empty();
        }

        @Override
        public Credential create(String integration, CredentialChange credential, String actor) {
            throw new UnsupportedOperationException("these tests store no credentials");
        }

        @Override
        public Credential update(String integration, String apiName, CredentialChange credential, String actor) {
            throw new UnsupportedOperationException("these tests store no credentials");
        }

        @Override
        public void delete(String integration, String apiName, String actor) {
            throw new UnsupportedOperationException("these tests store no credentials");
        }

        @Override
        public Optional<ResolvedCredential> resolve(String integration, String apiName) {
            return Optional.empty();
        }
    }
}
