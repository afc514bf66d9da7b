package org.openpayloads.engine.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openpayloads.api.ConflictException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.model.AuditInfo;
import org.openpayloads.engine.model.Credential;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.ResolvedCredential;
import org.openpayloads.engine.port.CredentialRepository;
import org.openpayloads.engine.port.IntegrationRepository;
import org.openpayloads.engine.port.PayloadRepository;
import org.openpayloads.engine.security.SecretMask;

/**
 * Test doubles of the configuration ports, for unit tests of the service's rules and of what runs over a real
 * {@link ConfigurationService}. The store module tests the real repositories on HSQLDB and PostgreSQL.
 */
public final class InMemoryRepositories implements IntegrationRepository {

    private final Map<String, Integration> integrations = new LinkedHashMap<>();
    private final Map<String, Map<String, Payload>> payloads = new HashMap<>();
    private final Map<String, Map<String, CredentialChange>> credentials = new HashMap<>();
    final List<String> writes = new ArrayList<>();

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
        if (integrations.containsKey(integration.apiName())) {
            throw new ConflictException("apiName", "exists");
        }
        writes.add("create integration " + integration.apiName() + " by " + actor);
        integrations.put(integration.apiName(), integration.withAudit(new AuditInfo(null, actor, null, actor, 0)));
        payloads.put(integration.apiName(), new LinkedHashMap<>());
        credentials.put(integration.apiName(), new LinkedHashMap<>());
        return integrations.get(integration.apiName());
    }

    @Override
    public Integration update(String apiName, Integration integration, String actor) {
        writes.add("update integration " + apiName + " by " + actor);
        integrations.remove(apiName);
        integrations.put(integration.apiName(), integration);
        return integration;
    }

    @Override
    public void delete(String apiName, String actor) {
        writes.add("delete integration " + apiName);
        integrations.remove(apiName);
    }

    public final PayloadRepository payloadRepository = new PayloadRepository() {
        @Override
        public List<Payload> findAll(String integration) {
            return List.copyOf(payloads.get(integration).values());
        }

        @Override
        public Map<String, List<Payload>> findActivePolling() {
            Map<String, List<Payload>> polling = new TreeMap<>();
            integrations.values().stream().filter(Integration::active).forEach(integration -> {
                List<Payload> active = payloads.getOrDefault(integration.apiName(), Map.of()).values().stream()
                        .filter(p -> p.kind() == PayloadKind.POLLING && p.active())
                        .sorted(Comparator.comparing(Payload::apiName)).toList();
                if (!active.isEmpty()) {
                    polling.put(integration.apiName(), active);
                }
            });
            return polling;
        }

        @Override
        public Optional<Payload> find(String integration, String payload) {
            return Optional.ofNullable(payloads.get(integration).get(payload));
        }

        @Override
        public Payload create(String integration, Payload payload, String actor) {
            writes.add("create payload " + payload.apiName() + " by " + actor);
            payloads.get(integration).put(payload.apiName(), payload);
            return payload;
        }

        @Override
        public Payload update(String integration, String payloadApiName, Payload payload, String actor) {
            writes.add("update payload " + payloadApiName + " by " + actor);
            payloads.get(integration).remove(payloadApiName);
            payloads.get(integration).put(payload.apiName(), payload);
            return payload;
        }

        @Override
        public void delete(String integration, String payload, String actor) {
            writes.add("delete payload " + payload);
            payloads.get(integration).remove(payload);
        }
    };

    public final CredentialRepository credentialRepository = new CredentialRepository() {
        @Override
        public List<Credential> findAll(String integration) {
            return credentials.get(integration).values().stream().map(InMemoryRepositories::shown).toList();
        }

        @Override
        public Optional<Credential> find(String integration, String apiName) {
            return Optional.ofNullable(credentials.get(integration).get(apiName)).map(InMemoryRepositories::shown);
        }

        @Override
        public Credential create(String integration, CredentialChange credential, String actor) {
            writes.add("create credential " + credential.apiName() + " by " + actor);
            credentials.get(integration).put(credential.apiName(), credential);
            return shown(credential);
        }

        @Override
        public Credential update(String integration, String apiName, CredentialChange credential, String actor) {
            writes.add("update credential " + apiName + " by " + actor);
            credentials.get(integration).remove(apiName);
            credentials.get(integration).put(credential.apiName(), credential);
            return shown(credential);
        }

        @Override
        public void delete(String integration, String apiName, String actor) {
            writes.add("delete credential " + apiName);
            if (credentials.get(integration).remove(apiName) == null) {
                throw NotFoundException.of("credential", apiName);
            }
        }

        @Override
        public Optional<ResolvedCredential> resolve(String integration, String apiName) {
            return Optional.ofNullable(credentials.get(integration).get(apiName)).map(c ->
                    new ResolvedCredential(c.apiName(), c.type(), c.attributes(), c.secretsToSet()));
        }
    };

    private static Credential shown(CredentialChange c) {
        Map<String, String> masks = new LinkedHashMap<>();
        c.secretsToSet().forEach((k, v) -> masks.put(k, SecretMask.mask(v)));
        return new Credential(c.apiName(), c.label(), c.type(), c.attributes(), masks, null);
    }
}
