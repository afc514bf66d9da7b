package org.openpayloads.web;

import java.time.Clock;
import java.util.ArrayList;
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
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.ResolvedCredential;
import org.openpayloads.engine.port.CredentialRepository;
import org.openpayloads.engine.security.SecretMask;

/** A credential store in maps, for tests: keeps secrets in clear, shows them masked like the real one. */
public final class InMemoryCredentials implements CredentialRepository {

    private record Stored(String apiName, String label, CredentialType type, Map<String, String> attributes,
                          Map<String, String> secrets, AuditInfo audit) {
    }

    private final Map<String, Map<String, Stored>> byIntegration = new LinkedHashMap<>();
    private final Clock clock;

    public InMemoryCredentials(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized List<Credential> findAll(String integration) {
        return of(integration).values().stream().map(InMemoryCredentials::shown).toList();
    }

    @Override
    public synchronized Optional<Credential> find(String integration, String apiName) {
        return Optional.ofNullable(of(integration).get(apiName)).map(InMemoryCredentials::shown);
    }

    @Override
    public synchronized Credential create(String integration, CredentialChange change, String actor) {
        Map<String, Stored> credentials = of(integration);
        if (credentials.containsKey(change.apiName())) {
            throw new ConflictException("apiName", "A credential '" + change.apiName() + "' already exists");
        }
        Stored stored = new Stored(change.apiName(), change.label(), change.type(), change.attributes(),
                new TreeMap<>(change.secretsToSet()), new AuditInfo(clock.instant(), actor, clock.instant(), actor, 1));
        credentials.put(stored.apiName(), stored);
        return shown(stored);
    }

    @Override
    public synchronized Credential update(String integration, String apiName, CredentialChange change, String actor) {
        Map<String, Stored> credentials = of(integration);
        Stored current = credentials.get(apiName);
        if (current == null) {
            throw NotFoundException.of("credential", integration + "/" + apiName);
        }
        Map<String, String> secrets = current.type() == change.type() ? new TreeMap<>(current.secrets()) : new TreeMap<>();
        secrets.keySet().removeAll(change.secretsToRemove());
        secrets.putAll(change.secretsToSet());
        AuditInfo audit = current.audit();
        Stored stored = new Stored(change.apiName(), change.label(), change.type(), change.attributes(), secrets,
                new AuditInfo(audit.createdAt(), audit.createdBy(), clock.instant(), actor, audit.version() + 1));
        credentials.remove(apiName);
        credentials.put(stored.apiName(), stored);
        return shown(stored);
    }

    @Override
    public synchronized void delete(String integration, String apiName, String actor) {
        of(integration).remove(apiName);
    }

    @Override
    public synchronized Optional<ResolvedCredential> resolve(String integration, String apiName) {
        return Optional.ofNullable(of(integration).get(apiName))
                .map(s -> new ResolvedCredential(s.apiName(), s.type(), s.attributes(), s.secrets()));
    }

    private Map<String, Stored> of(String integration) {
        return byIntegration.computeIfAbsent(integration, name -> new LinkedHashMap<>());
    }

    private static Credential shown(Stored stored) {
        Map<String, String> masked = new TreeMap<>();
        stored.secrets().forEach((name, value) -> masked.put(name, SecretMask.mask(value)));
        return new Credential(stored.apiName(), stored.label(), stored.type(), stored.attributes(), masked,
                stored.audit());
    }
}
