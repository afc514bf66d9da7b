package org.openpayloads.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.ConflictException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.model.Credential;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.Polling;
import org.openpayloads.engine.model.Source;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.model.ValueSourceType;
import org.openpayloads.engine.port.CredentialRepository;
import org.openpayloads.engine.port.ExternalApis;
import org.openpayloads.engine.port.IntegrationRepository;
import org.openpayloads.engine.port.PayloadRepository;

/**
 * The one facade the admin API calls to read and change configuration. Every change is validated in
 * full, against the rest of its integration, before it is stored; a change that fails validation
 * throws {@link ConfigException} with every field error and stores nothing.
 *
 * <p>Targets, sources and elements are parts of their payload: a change to one validates and stores
 * the whole payload, so that references between targets stay consistent.
 */
public final class ConfigurationService {

    private final IntegrationRepository integrations;
    private final PayloadRepository payloads;
    private final CredentialRepository credentials;
    private final CredentialPolicy policy;
    private final ExternalApis apis;
    private final ConfigValidator validator = new ConfigValidator();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public ConfigurationService(IntegrationRepository integrations, PayloadRepository payloads,
                                CredentialRepository credentials) {
        this(integrations, payloads, credentials, CredentialPolicy.NONE);
    }

    /** With a rule of the server's own that every saved credential must pass. */
    public ConfigurationService(IntegrationRepository integrations, PayloadRepository payloads,
                                CredentialRepository credentials, CredentialPolicy policy) {
        this(integrations, payloads, credentials, policy, ExternalApis.NONE);
    }

    /**
     * With a rule of the server's own that every saved credential must pass, and the APIs whose polling
     * triggers POLLING payloads may name.
     */
    public ConfigurationService(IntegrationRepository integrations, PayloadRepository payloads,
                                CredentialRepository credentials, CredentialPolicy policy, ExternalApis apis) {
        this.integrations = integrations;
        this.payloads = payloads;
        this.credentials = credentials;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.apis = Objects.requireNonNull(apis, "apis");
    }

    // Integrations

    public List<Integration> integrations() {
        return integrations.findAll();
    }

    public Integration integration(String apiName) {
        return integrations.find(apiName).orElseThrow(() -> NotFoundException.of("integration", apiName));
    }

    public Integration createIntegration(Integration integration, String actor) {
        throwIfInvalid(validator.validate(integration));
        return changed(integrations.create(integration, actor));
    }

    public Integration replaceIntegration(String apiName, Integration integration, String actor) {
        integration(apiName);
        throwIfInvalid(validator.validate(integration));
        return changed(integrations.update(apiName, integration, actor));
    }

    public void deleteIntegration(String apiName, String actor) {
        integration(apiName);
        integrations.delete(apiName, actor);
        changed(null);
    }

    /**
     * Every problem in a stored integration: each payload checked again against the credentials as they
     * are now. Fields are prefixed with the payload, as in {@code payloads.charge.targets[0].object}.
     */
    public List<FieldError> check(String integration) {
        Integration stored = integration(integration);
        List<FieldError> problems = new ArrayList<>(validator.validate(stored));
        for (Payload payload : payloads.findAll(integration)) {
            validate(integration, payload)
                    .forEach(e -> problems.add(e.under("payloads." + payload.apiName())));
            for (Target target : payload.targets()) {
                if (target.mappings().isEmpty()) {
                    problems.add(new FieldError("payloads." + payload.apiName() + ".targets." + target.apiName(),
                            "has no field mappings; expected at least one"));
                }
            }
        }
        return problems;
    }

    // Payloads

    public List<Payload> payloads(String integration) {
        integration(integration);
        return payloads.findAll(integration);
    }

    /** The active POLLING payloads of active integrations, by integration API name. */
    public Map<String, List<Payload>> activePollingPayloads() {
        return payloads.findActivePolling();
    }

    public Payload payload(String integration, String payload) {
        integration(integration);
        return payloads.find(integration, payload)
                .orElseThrow(() -> NotFoundException.of("payload", integration + "/" + payload));
    }

    public Payload createPayload(String integration, Payload payload, String actor) {
        integration(integration);
        throwIfInvalid(validate(integration, payload));
        return changed(payloads.create(integration, payload, actor));
    }

    public Payload replacePayload(String integration, String apiName, Payload payload, String actor) {
        payload(integration, apiName);
        throwIfInvalid(validate(integration, payload));
        return changed(payloads.update(integration, apiName, payload, actor));
    }

    public void deletePayload(String integration, String apiName, String actor) {
        payload(integration, apiName);
        payloads.delete(integration, apiName, actor);
        changed(null);
    }

    // Elements

    public List<Element> elements(String integration, String payload) {
        return payload(integration, payload).elements();
    }

    public List<Element> replaceElements(String integration, String payload, List<Element> elements, String actor) {
        Payload current = payload(integration, payload);
        return store(integration, current, current.withElements(elements), "", actor).elements();
    }

    // Targets

    public List<Target> targets(String integration, String payload) {
        return payload(integration, payload).targets();
    }

    public Target target(String integration, String payload, String target) {
        return findPart(payload(integration, payload).targets(), Target::apiName, target)
                .orElseThrow(() -> NotFoundException.of("target", integration + "/" + payload + "/" + target));
    }

    public Target createTarget(String integration, String payload, Target target, String actor) {
        Payload current = payload(integration, payload);
        if (findPart(current.targets(), Target::apiName, target.apiName()).isPresent()) {
            throw new ConflictException("apiName", "A target '" + target.apiName() + "' already exists in payload '"
                    + integration + "/" + payload + "'");
        }
        List<Target> changed = new ArrayList<>(current.targets());
        changed.add(target);
        int index = changed.size() - 1;
        Payload stored = store(integration, current, current.withTargets(changed), "targets[" + index + "]", actor);
        return target(stored.targets(), target.apiName());
    }

    public Target replaceTarget(String integration, String payload, String apiName, Target target, String actor) {
        Payload current = payload(integration, payload);
        int index = indexOf(current.targets(), Target::apiName, apiName, "target", integration, payload);
        List<Target> changed = new ArrayList<>(current.targets());
        changed.set(index, target);
        List<Target> renamed = renameTargetReferences(changed, apiName, target.apiName());
        Payload stored = store(integration, current, current.withTargets(renamed), "targets[" + index + "]", actor);
        return target(stored.targets(), target.apiName());
    }

    public void deleteTarget(String integration, String payload, String apiName, String actor) {
        Payload current = payload(integration, payload);
        int index = indexOf(current.targets(), Target::apiName, apiName, "target", integration, payload);
        List<Target> changed = new ArrayList<>(current.targets());
        changed.remove(index);
        store(integration, current, current.withTargets(changed), "", actor);
    }

    // Sources

    public List<Source> sources(String integration, String payload) {
        return payload(integration, payload).sources();
    }

    public Source source(String integration, String payload, String source) {
        return findPart(payload(integration, payload).sources(), Source::apiName, source)
                .orElseThrow(() -> NotFoundException.of("source", integration + "/" + payload + "/" + source));
    }

    public Source createSource(String integration, String payload, Source source, String actor) {
        Payload current = payload(integration, payload);
        if (findPart(current.sources(), Source::apiName, source.apiName()).isPresent()) {
            throw new ConflictException("apiName", "A source '" + source.apiName() + "' already exists in payload '"
                    + integration + "/" + payload + "'");
        }
        List<Source> changed = new ArrayList<>(current.sources());
        changed.add(source);
        Payload stored = store(integration, current, current.withSources(changed),
                "sources[" + (changed.size() - 1) + "]", actor);
        return findPart(stored.sources(), Source::apiName, source.apiName()).orElseThrow();
    }

    public Source replaceSource(String integration, String payload, String apiName, Source source, String actor) {
        Payload current = payload(integration, payload);
        int index = indexOf(current.sources(), Source::apiName, apiName, "source", integration, payload);
        List<Source> changed = new ArrayList<>(current.sources());
        changed.set(index, source);
        Payload stored = store(integration, current, current.withSources(changed), "sources[" + index + "]", actor);
        return findPart(stored.sources(), Source::apiName, source.apiName()).orElseThrow();
    }

    public void deleteSource(String integration, String payload, String apiName, String actor) {
        Payload current = payload(integration, payload);
        int index = indexOf(current.sources(), Source::apiName, apiName, "source", integration, payload);
        List<Source> changed = new ArrayList<>(current.sources());
        changed.remove(index);
        store(integration, current, current.withSources(changed), "", actor);
    }

    // Credentials

    public List<Credential> credentials(String integration) {
        integration(integration);
        return credentials.findAll(integration);
    }

    public Credential credential(String integration, String apiName) {
        integration(integration);
        return credentials.find(integration, apiName)
                .orElseThrow(() -> NotFoundException.of("credential", integration + "/" + apiName));
    }

    public Credential createCredential(String integration, CredentialChange credential, String actor) {
        integration(integration);
        throwIfInvalid(credentialErrors(credential, Set.of()));
        return changed(credentials.create(integration, credential, actor));
    }

    public Credential replaceCredential(String integration, String apiName, CredentialChange credential,
                                        String actor) {
        Credential current = credential(integration, apiName);
        Set<String> stored = current.type() == credential.type() ? current.maskedSecrets().keySet() : Set.of();
        throwIfInvalid(credentialErrors(credential, stored));
        if (!apiName.equals(credential.apiName())) {
            throwIfReferenced(integration, apiName, "renamed");
        }
        return changed(credentials.update(integration, apiName, credential, actor));
    }

    public void deleteCredential(String integration, String apiName, String actor) {
        credential(integration, apiName);
        throwIfReferenced(integration, apiName, "deleted");
        credentials.delete(integration, apiName, actor);
        changed(null);
    }

    private List<FieldError> credentialErrors(CredentialChange credential, Set<String> storedSecrets) {
        List<FieldError> errors = new ArrayList<>(validator.validate(credential, storedSecrets));
        errors.addAll(policy.check(credential));
        return errors;
    }

    private void throwIfReferenced(String integration, String credential, String verb) {
        List<String> users = new ArrayList<>();
        for (Payload payload : payloads.findAll(integration)) {
            if (credential.equals(payload.auth().credential())) {
                users.add(payload.apiName() + " (auth.credential)");
            }
            if (credential.equals(payload.credential())) {
                users.add(payload.apiName() + " (credential)");
            }
            payload.targets().forEach(t -> t.mappings().stream().filter(m -> usesCredential(m, credential))
                    .forEach(m -> users.add(payload.apiName() + " (target " + t.apiName() + ", field " + m.field() + ")")));
            payload.sources().forEach(s -> s.mappings().stream().filter(m -> usesCredential(m, credential))
                    .forEach(m -> users.add(payload.apiName() + " (source " + s.apiName() + ", field " + m.field() + ")")));
        }
        if (!users.isEmpty()) {
            throw new ConflictException("apiName", "Credential '" + credential + "' cannot be " + verb
                    + " while payloads use it: " + String.join(", ", users));
        }
    }

    private static boolean usesCredential(FieldMapping mapping, String credential) {
        return mapping.sourceType() == ValueSourceType.CREDENTIAL && credential.equals(mapping.reference());
    }

    // Helpers

    /**
     * Validates and stores {@code changed}; errors under {@code partPrefix} (the part the client sent)
     * lose that prefix, so that they name the fields of the request body.
     */
    private Payload store(String integration, Payload current, Payload changed, String partPrefix, String actor) {
        List<FieldError> errors = validate(integration, changed);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors.stream().map(relativeTo(partPrefix)).collect(Collectors.toList()));
        }
        return changed(payloads.update(integration, current.apiName(), changed, actor));
    }

    /**
     * Calls {@code listener} after every change stored through this service, so that caches of the
     * configuration drop what they hold.
     */
    public void onChange(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private <T> T changed(T stored) {
        listeners.forEach(Runnable::run);
        return stored;
    }

    private static Function<FieldError, FieldError> relativeTo(String prefix) {
        return error -> {
            if (prefix.isEmpty()) {
                return error;
            }
            if (error.field().equals(prefix)) {
                return new FieldError("", error.message());
            }
            if (error.field().startsWith(prefix + ".")) {
                return new FieldError(error.field().substring(prefix.length() + 1), error.message());
            }
            return error;
        };
    }

    private static List<Target> renameTargetReferences(List<Target> targets, String from, String to) {
        if (from.equals(to)) {
            return targets;
        }
        UnaryOperator<FieldMapping> rename = m -> m.sourceType() == ValueSourceType.TARGET_RESULT
                && from.equals(m.reference())
                ? new FieldMapping(m.field(), m.sourceType(), m.value(), to, m.lookupMatchField(),
                m.lookupReturnField(), m.nullRule(), m.valueMap(), m.defaultValue())
                : m;
        return targets.stream().map(t -> new Target(t.apiName(), t.label(), t.order(), t.object(), t.operation(),
                t.externalIdField(), t.matchFields(), t.whenPresent(), t.condition(), t.repeatPath(),
                t.mappings().stream().map(rename).collect(Collectors.toList()), t.onTooLong()))
                .collect(Collectors.toList());
    }

    /** The validator's problems, and those of a POLLING payload's trigger and options, which its connector knows. */
    private List<FieldError> validate(String integration, Payload payload) {
        List<FieldError> errors = new ArrayList<>(validator.validate(payload, credentialNames(integration)));
        Polling polling = payload.polling();
        boolean checkable = payload.kind() == PayloadKind.POLLING && polling != null && payload.credential() != null
                && errors.stream().noneMatch(e -> e.field().equals("credential") || e.field().equals("polling.trigger"));
        if (checkable) {
            credentials.find(integration, payload.credential()).ifPresent(credential -> apis.checkTrigger(
                    credential.type(), polling.trigger(), polling.options())
                    .forEach(error -> errors.add(error.under("polling"))));
        }
        return errors;
    }

    private Set<String> credentialNames(String integration) {
        return credentials.findAll(integration).stream().map(Credential::apiName).collect(Collectors.toSet());
    }

    private static Target target(List<Target> targets, String apiName) {
        return findPart(targets, Target::apiName, apiName).orElseThrow();
    }

    private static <T> java.util.Optional<T> findPart(List<T> parts, Function<T, String> name, String apiName) {
        return parts.stream().filter(p -> apiName.equals(name.apply(p))).findFirst();
    }

    private static <T> int indexOf(List<T> parts, Function<T, String> name, String apiName, String kind,
                                   String integration, String payload) {
        for (int i = 0; i < parts.size(); i++) {
            if (apiName.equals(name.apply(parts.get(i)))) {
                return i;
            }
        }
        throw NotFoundException.of(kind, integration + "/" + payload + "/" + apiName);
    }

    private static void throwIfInvalid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }
}
