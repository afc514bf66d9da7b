package org.openpayloads.engine.config;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.FieldErrors;
import org.openpayloads.api.config.ConfigDef;
import org.openpayloads.api.connector.ResourcePaths;
import org.openpayloads.engine.model.AuthType;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.Expansion;
import org.openpayloads.engine.model.InboundAuth;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.Polling;

/**
 * Checks the integration model and returns every problem found, each tied to the field a client sent,
 * for example {@code targets[1].mappings[0].value}. Stateless and thread-safe.
 */
public final class ConfigValidator {

    private static final Pattern TRIGGER_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> SIGNATURE_ENCODINGS = Set.of("HEX", "BASE64");
    private static final int MAX_TOLERANCE_SECONDS = 86_400;

    /** A hundred years: jobs are kept at most this long. */
    static final int MAX_RETENTION_DAYS = 36_500;

    public List<FieldError> validate(Integration integration) {
        FieldErrors errors = new FieldErrors();
        Names.apiName(errors, "apiName", integration.apiName());
        Names.label(errors, "label", integration.label());
        Names.maxLength(errors, "description", integration.description(), Names.DESCRIPTION_MAX);
        Integer retention = integration.retentionDays();
        if (retention != null && (retention < 1 || retention > MAX_RETENTION_DAYS)) {
            errors.add("retentionDays", retention + " is out of range; expected 1 to " + MAX_RETENTION_DAYS
                    + " days, or none for the server's default");
        }
        return errors.list();
    }

    /**
     * Checks a payload alone and against the credentials of its integration.
     *
     * @param credentials the API names of the integration's credentials
     */
    public List<FieldError> validate(Payload payload, Set<String> credentials) {
        FieldErrors errors = new FieldErrors();
        Names.apiName(errors, "apiName", payload.apiName());
        Names.label(errors, "label", payload.label());
        Names.maxLength(errors, "description", payload.description(), Names.DESCRIPTION_MAX);
        MappingRules.required(errors, "direction", payload.direction());
        MappingRules.required(errors, "kind", payload.kind());
        MappingRules.required(errors, "contentType", payload.contentType());
        if (payload.direction() != null && payload.kind() != null
                && payload.kind().direction() != payload.direction()) {
            errors.add("kind", "'" + payload.kind() + "' is a kind of " + payload.kind().direction()
                    + " payload, but direction is " + payload.direction());
        }
        Direction direction = payload.kind() != null ? payload.kind().direction() : payload.direction();
        validateKeys(errors, payload);
        validateElements(errors, payload.elements());
        validateExpansions(errors.nested("expansions"), payload.expansions(), credentials);
        validatePolling(errors, payload, credentials);
        if (direction == Direction.INBOUND) {
            validateAuth(errors.nested("auth"), payload.auth(), credentials);
            if (!payload.sources().isEmpty()) {
                errors.add("sources", "an inbound payload writes through targets; it cannot have sources");
            }
            if (payload.endpointUrl() != null) {
                errors.add("endpointUrl", "an inbound payload is called, it calls no endpoint; remove endpointUrl");
            }
        }
        if (direction == Direction.OUTBOUND) {
            if (!payload.targets().isEmpty()) {
                errors.add("targets", "an outbound payload reads through sources; it cannot have targets");
            }
            if (payload.auth().type() != AuthType.NONE && payload.kind() != null && payload.kind().callsOut()) {
                errors.add("auth", "only inbound and API_GET payloads check callers; use credential for the call");
            }
            validateOutboundCall(errors, payload, credentials);
        }
        MappingRules.validateTargets(errors, payload.targets(), credentials);
        MappingRules.validateSources(errors, payload.sources(), credentials);
        return errors.list();
    }

    /**
     * Checks a credential against its type's declared attributes.
     *
     * @param storedSecrets the names of secrets already stored, which a change need not send again
     */
    public List<FieldError> validate(CredentialChange credential, Set<String> storedSecrets) {
        FieldErrors errors = new FieldErrors();
        Names.apiName(errors, "apiName", credential.apiName());
        Names.label(errors, "label", credential.label());
        if (credential.type() == null) {
            errors.add("type", "is required");
            return errors.list();
        }
        ConfigDef definition = CredentialTypes.definition(credential.type());
        for (String name : credential.secretsToSet().keySet()) {
            if (credential.attributes().containsKey(name)) {
                errors.add("secrets." + name, "is also given under attributes; give it once");
            }
        }
        if (credential.type() == CredentialType.CUSTOM) {
            return errors.list();
        }
        Map<String, String> merged = new LinkedHashMap<>(credential.attributes());
        Set<String> secrets = new HashSet<>(storedSecrets);
        secrets.removeAll(credential.secretsToRemove());
        secrets.addAll(credential.secretsToSet().keySet());
        for (String secret : secrets) {
            merged.put(secret, credential.secretsToSet().getOrDefault(secret, "stored"));
        }
        for (FieldError error : definition.validate(merged)) {
            boolean secret = definition.key(error.field()).map(ConfigDef.Key::isSecret)
                    .orElse(credential.secretsToSet().containsKey(error.field()));
            errors.add((secret ? "secrets." : "attributes.") + error.field(), error.message());
        }
        definition.keys().values().forEach(key -> {
            if (key.isSecret() && credential.attributes().containsKey(key.name())) {
                errors.add("attributes." + key.name(), "is a secret; send it under secrets, where it is encrypted");
            }
            if (!key.isSecret() && credential.secretsToSet().containsKey(key.name())) {
                errors.add("secrets." + key.name(), "is not a secret; send it under attributes");
            }
        });
        return errors.list();
    }

    private static void validateKeys(FieldErrors errors, Payload payload) {
        if (payload.dedupeKey() != null) {
            ElementPaths.keyProblem(payload.dedupeKey()).ifPresent(m -> errors.add("dedupeKey", m));
        }
        if (payload.orderingKey() != null) {
            ElementPaths.keyProblem(payload.orderingKey()).ifPresent(m -> errors.add("orderingKey", m));
        }
        for (int i = 0; i < payload.redactPaths().size(); i++) {
            String path = payload.redactPaths().get(i);
            String field = "redactPaths[" + i + "]";
            if (path == null) {
                errors.add(field, "is required");
            } else {
                ElementPaths.keyProblem(path).ifPresent(m -> errors.add(field, m));
            }
        }
    }

    private static void validateExpansions(FieldErrors errors, List<Expansion> expansions, Set<String> credentials) {
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < expansions.size(); i++) {
            Expansion expansion = expansions.get(i);
            FieldErrors at = errors.nested("[" + i + "]");
            if (Names.required(at, "path", expansion.path())) {
                ElementPaths.namesOnlyProblem(expansion.path()).ifPresent(m -> at.add("path", m));
                if (!paths.add(expansion.path())) {
                    at.add("path", "'" + expansion.path() + "' is expanded twice; expected each path once");
                }
            }
            if (Names.required(at, "credential", expansion.credential())) {
                MappingRules.credentialExists(at, "credential", expansion.credential(), credentials);
            }
            if (Names.required(at, "resource", expansion.resource()) && !ResourcePaths.isTemplate(expansion.resource())) {
                at.add("resource", "'" + expansion.resource() + "' is not a resource path template; expected an "
                        + "absolute path with one placeholder for the id, such as /v1/customers/{id}");
            }
        }
    }

    private static void validatePolling(FieldErrors errors, Payload payload, Set<String> credentials) {
        Polling polling = payload.polling();
        if (payload.kind() != PayloadKind.POLLING) {
            if (polling != null) {
                errors.add("polling", "only POLLING payloads poll; remove polling, or set kind POLLING");
            }
            return;
        }
        if (polling == null) {
            errors.add("polling", "is required for a POLLING payload: the trigger, such as new-charge, and its "
                    + "interval");
        }
        if (Names.required(errors, "credential", payload.credential())) {
            MappingRules.credentialExists(errors, "credential", payload.credential(), credentials);
        }
        if (payload.dedupeKey() == null) {
            errors.add("dedupeKey", "is required for a POLLING payload: the item's id, such as $.id, so that an item "
                    + "found twice runs once");
        }
        refuseHeaderKey(errors, "dedupeKey", payload.dedupeKey());
        refuseHeaderKey(errors, "orderingKey", payload.orderingKey());
        if (payload.auth().type() != AuthType.NONE) {
            errors.add("auth", "a POLLING payload fetches its items and takes no POST; expected auth NONE");
        }
        if (polling == null) {
            return;
        }
        FieldErrors at = errors.nested("polling");
        if (Names.required(at, "trigger", polling.trigger()) && !TRIGGER_NAME.matcher(polling.trigger()).matches()) {
            at.add("trigger", "'" + polling.trigger() + "' is not a trigger name; expected lower-case letters, digits "
                    + "and dashes, such as new-charge");
        }
        if (polling.intervalSeconds() < Polling.MIN_INTERVAL_SECONDS
                || polling.intervalSeconds() > Polling.MAX_INTERVAL_SECONDS) {
            at.add("intervalSeconds", "is " + polling.intervalSeconds() + "; expected " + Polling.MIN_INTERVAL_SECONDS
                    + " to " + Polling.MAX_INTERVAL_SECONDS + " seconds");
        }
    }

    /** A polled item comes without request headers: a header key would be null for every item, silently. */
    private static void refuseHeaderKey(FieldErrors errors, String field, @Nullable String key) {
        if (key != null && ElementPaths.headerName(key).isPresent()) {
            errors.add(field, "'" + key + "' reads a request header, but a polled item comes without headers; "
                    + "expected an element path of the item, such as $.id");
        }
    }

    private static void validateAuth(FieldErrors errors, InboundAuth auth, Set<String> credentials) {
        if (auth.type() == AuthType.NONE) {
            return;
        }
        if (Names.required(errors, "credential", auth.credential())) {
            MappingRules.credentialExists(errors, "credential", auth.credential(), credentials);
        }
        if ((auth.type() == AuthType.API_KEY || auth.type() == AuthType.HMAC)) {
            Names.required(errors, "headerName", auth.headerName());
        }
        if (auth.signatureEncoding() != null && !SIGNATURE_ENCODINGS.contains(auth.signatureEncoding())) {
            errors.add("signatureEncoding", "'" + auth.signatureEncoding() + "' is not supported; expected HEX or BASE64");
        }
        if (auth.signedContent() != null && !auth.signedContent().contains("{body}")) {
            errors.add("signedContent", "'" + auth.signedContent() + "' does not sign the body; expected a template "
                    + "with {body}, such as {timestamp}.{body}");
        }
        if (auth.toleranceSeconds() != null
                && (auth.toleranceSeconds() < 0 || auth.toleranceSeconds() > MAX_TOLERANCE_SECONDS)) {
            errors.add("toleranceSeconds", "is " + auth.toleranceSeconds() + "; expected 0 to " + MAX_TOLERANCE_SECONDS);
        }
    }

    private static void validateOutboundCall(FieldErrors errors, Payload payload, Set<String> credentials) {
        boolean callsOut = payload.kind() != null && payload.kind().callsOut();
        if (callsOut) {
            if (Names.required(errors, "endpointUrl", payload.endpointUrl())) {
                String withoutPlaceholders = payload.endpointUrl().replaceAll("\\{[^}]*}", "x");
                if (!withoutPlaceholders.matches("(?i)https?://[^/\\s]+.*") || withoutPlaceholders.contains(" ")) {
                    errors.add("endpointUrl", "'" + payload.endpointUrl() + "' is not an absolute http(s) URL template;"
                            + " expected for example https://api.stripe.com/v1/customers/{Stripe_Customer_Id__c}");
                }
            }
            MappingRules.required(errors, "httpMethod", payload.httpMethod());
        } else if (payload.endpointUrl() != null) {
            errors.add("endpointUrl", "only RECORD_TRIGGERED and SCHEDULED payloads call an endpoint");
        }
        if (payload.credential() != null) {
            MappingRules.credentialExists(errors, "credential", payload.credential(), credentials);
        }
    }

    private static void validateElements(FieldErrors errors, List<Element> elements) {
        walkElements(errors.nested("elements"), elements, null, new HashSet<>());
    }

    private static void walkElements(FieldErrors errors, List<Element> elements, @Nullable Element parent,
                                     Set<String> seenPaths) {
        Set<String> siblingNames = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            Element element = elements.get(i);
            FieldErrors at = errors.nested("[" + i + "]");
            if (element == null) {
                at.add("", "is required");
                continue;
            }
            if (Names.required(at, "name", element.name())) {
                Names.maxLength(at, "name", element.name(), Names.LABEL_MAX);
                if (!siblingNames.add(element.name())) {
                    at.add("name", "'" + element.name() + "' is used twice at this level; expected unique names");
                }
            }
            if (Names.required(at, "path", element.path())) {
                ElementPaths.problem(element.path()).ifPresentOrElse(m -> at.add("path", m), () -> {
                    if (!element.path().startsWith("$")) {
                        at.add("path", "'" + element.path() + "' is relative; element paths start at the body's root ($)");
                    } else if (parent != null && parent.path() != null && !element.path().startsWith(parent.path())) {
                        at.add("path", "'" + element.path() + "' is not under its parent '" + parent.path() + "'");
                    } else if (!seenPaths.add(element.path())) {
                        at.add("path", "'" + element.path() + "' is used by another element; expected unique paths");
                    }
                });
            }
            walkElements(at.nested("children"), element.children(), element, seenPaths);
        }
    }
}
