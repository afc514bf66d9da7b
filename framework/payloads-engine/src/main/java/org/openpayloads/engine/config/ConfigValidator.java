package org.openpayloads.engine.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.FieldErrors;
import org.openpayloads.api.config.ConfigDef;
import org.openpayloads.engine.expr.Expressions;
import org.openpayloads.engine.model.AuthType;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.InboundAuth;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.Source;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.model.ValueSourceType;

/**
 * Checks the integration model and returns every problem found, each tied to the field a client sent,
 * for example {@code targets[1].mappings[0].value}. Stateless and thread-safe.
 */
public final class ConfigValidator {

    private static final Set<String> SIGNATURE_ENCODINGS = Set.of("HEX", "BASE64");
    private static final int MAX_TOLERANCE_SECONDS = 86_400;

    public List<FieldError> validate(Integration integration) {
        FieldErrors errors = new FieldErrors();
        Names.apiName(errors, "apiName", integration.apiName());
        Names.label(errors, "label", integration.label());
        Names.maxLength(errors, "description", integration.description(), Names.DESCRIPTION_MAX);
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
        required(errors, "direction", payload.direction());
        required(errors, "kind", payload.kind());
        required(errors, "contentType", payload.contentType());
        if (payload.direction() != null && payload.kind() != null
                && payload.kind().direction() != payload.direction()) {
            errors.add("kind", "'" + payload.kind() + "' is a kind of " + payload.kind().direction()
                    + " payload, but direction is " + payload.direction());
        }
        Direction direction = payload.kind() != null ? payload.kind().direction() : payload.direction();
        validateKeys(errors, payload);
        validateElements(errors, payload.elements());
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
        validateTargets(errors, payload.targets(), credentials);
        validateSources(errors, payload.sources(), credentials);
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

    private static void validateAuth(FieldErrors errors, InboundAuth auth, Set<String> credentials) {
        if (auth.type() == AuthType.NONE) {
            return;
        }
        if (Names.required(errors, "credential", auth.credential())) {
            credentialExists(errors, "credential", auth.credential(), credentials);
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
            required(errors, "httpMethod", payload.httpMethod());
        } else if (payload.endpointUrl() != null) {
            errors.add("endpointUrl", "only RECORD_TRIGGERED and SCHEDULED payloads call an endpoint");
        }
        if (payload.credential() != null) {
            credentialExists(errors, "credential", payload.credential(), credentials);
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

    private static void validateTargets(FieldErrors errors, List<Target> targets, Set<String> credentials) {
        Set<String> names = new HashSet<>();
        Map<String, Integer> orderByName = new HashMap<>();
        for (Target target : targets) {
            if (target != null && target.apiName() != null) {
                orderByName.putIfAbsent(target.apiName(), target.order());
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            FieldErrors at = errors.nested("targets", i);
            if (target == null) {
                at.add("", "is required");
                continue;
            }
            if (target.apiName() != null && !names.add(target.apiName())) {
                at.add("apiName", "'" + target.apiName() + "' is used by another target; expected unique API names");
            }
            Set<String> earlier = new HashSet<>();
            orderByName.forEach((name, order) -> {
                if (order < target.order()) {
                    earlier.add(name);
                }
            });
            validateTarget(at, target, credentials, earlier);
        }
    }

    private static void validateTarget(FieldErrors errors, Target target, Set<String> credentials,
                                       Set<String> earlierTargets) {
        Names.apiName(errors, "apiName", target.apiName());
        Names.label(errors, "label", target.label());
        if (target.order() < 0) {
            errors.add("order", "is " + target.order() + "; expected 0 or more");
        }
        Names.objectName(errors, "object", target.object());
        required(errors, "operation", target.operation());
        Operation op = target.operation();
        boolean mapsId = target.mappings().stream().anyMatch(m -> m != null && "Id".equals(m.field()));
        if (op == Operation.UPSERT) {
            Names.fieldName(errors, "externalIdField", target.externalIdField());
        } else if (target.externalIdField() != null && op != Operation.DELETE) {
            errors.add("externalIdField", "only UPSERT and DELETE match on an external id; operation is " + op);
        }
        if (op == Operation.CREATE_IF_MISSING && target.matchFields().isEmpty()) {
            errors.add("matchFields", "CREATE_IF_MISSING finds the record by match fields; expected at least one");
        }
        if ((op == Operation.UPDATE || op == Operation.DELETE) && target.matchFields().isEmpty() && !mapsId
                && target.externalIdField() == null) {
            errors.add("matchFields", op + " needs the record: map the Id field, or give match fields"
                    + (op == Operation.DELETE ? " or an externalIdField" : ""));
        }
        for (int i = 0; i < target.matchFields().size(); i++) {
            Names.fieldName(errors, "matchFields[" + i + "]", target.matchFields().get(i));
        }
        boolean repeated = target.repeatPath() != null;
        Names.maxLength(errors, "condition", target.condition(), Names.EXPRESSION_MAX);
        if (target.condition() != null && target.condition().isBlank()) {
            errors.add("condition", "is blank; leave it out, or give an expression");
        } else if (target.condition() != null && target.condition().length() <= Names.EXPRESSION_MAX) {
            itemPaths(errors, "condition", expression(errors, "condition", target.condition()), repeated);
        }
        if (repeated) {
            ElementPaths.problem(target.repeatPath()).ifPresentOrElse(m -> errors.add("repeatPath", m), () -> {
                if (target.repeatPath().startsWith("@")) {
                    errors.add("repeatPath", "'" + target.repeatPath() + "' starts at the current item, but the "
                            + "repeated element is read from the body's root; expected for example $.data.items");
                }
            });
        }
        Set<String> mappedFields = new HashSet<>();
        for (int i = 0; i < target.mappings().size(); i++) {
            FieldMapping mapping = target.mappings().get(i);
            FieldErrors at = errors.nested("mappings", i);
            if (mapping == null) {
                at.add("", "is required");
                continue;
            }
            Names.fieldName(at, "field", mapping.field());
            if (mapping.field() != null && !mappedFields.add(mapping.field())) {
                at.add("field", "'" + mapping.field() + "' is mapped twice; expected each field once");
            }
            if (mapping.sourceType() == ValueSourceType.FIELD) {
                at.add("sourceType", "FIELD reads a source record, which only outbound payloads have; "
                        + "expected ELEMENT, STATIC, EXPRESSION, LOOKUP, CREDENTIAL or TARGET_RESULT");
            }
            if (mapping.sourceType() == ValueSourceType.TARGET_RESULT && mapping.reference() != null
                    && !earlierTargets.contains(mapping.reference())) {
                at.add("reference", "'" + mapping.reference() + "' is not an earlier target of this payload; "
                        + "expected the API name of a target with a lower order");
            }
            List<String> paths = validateValueSource(at, mapping, credentials);
            itemPaths(at, "value", paths, repeated);
        }
    }

    private static void validateSources(FieldErrors errors, List<Source> sources, Set<String> credentials) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            Source source = sources.get(i);
            FieldErrors at = errors.nested("sources", i);
            if (source == null) {
                at.add("", "is required");
                continue;
            }
            if (source.apiName() != null && !names.add(source.apiName())) {
                at.add("apiName", "'" + source.apiName() + "' is used by another source; expected unique API names");
            }
            validateSource(at, source, credentials);
        }
    }

    private static void validateSource(FieldErrors errors, Source source, Set<String> credentials) {
        Names.apiName(errors, "apiName", source.apiName());
        Names.label(errors, "label", source.label());
        if (source.order() < 0) {
            errors.add("order", "is " + source.order() + "; expected 0 or more");
        }
        if (source.query() != null) {
            if (source.object() != null || source.filter() != null) {
                errors.add("query", "a query replaces object and filter; give either a query, or an object "
                        + "with an optional filter");
            }
            if (!source.query().trim().regionMatches(true, 0, "SELECT ", 0, 7)) {
                errors.add("query", "expected a SOQL query starting with SELECT");
            }
            Names.maxLength(errors, "query", source.query(), Names.EXPRESSION_MAX);
        } else {
            Names.objectName(errors, "object", source.object());
            Names.maxLength(errors, "filter", source.filter(), Names.EXPRESSION_MAX);
        }
        Set<String> mapped = new HashSet<>();
        for (int i = 0; i < source.mappings().size(); i++) {
            FieldMapping mapping = source.mappings().get(i);
            FieldErrors at = errors.nested("mappings", i);
            if (mapping == null) {
                at.add("", "is required");
                continue;
            }
            if (Names.required(at, "field", mapping.field())) {
                ElementPaths.problem(mapping.field()).ifPresent(m -> at.add("field", m));
                if (!mapped.add(mapping.field())) {
                    at.add("field", "'" + mapping.field() + "' is mapped twice; expected each element once");
                }
            }
            if (mapping.sourceType() == ValueSourceType.ELEMENT || mapping.sourceType() == ValueSourceType.TARGET_RESULT) {
                at.add("sourceType", mapping.sourceType() + " is for inbound targets; "
                        + "expected FIELD, STATIC, EXPRESSION, LOOKUP or CREDENTIAL");
            }
            validateValueSource(at, mapping, credentials);
        }
    }

    /** Checks a mapping's value source; returns the element paths its value reads, for the caller's checks. */
    private static List<String> validateValueSource(FieldErrors errors, FieldMapping mapping,
                                                    Set<String> credentials) {
        if (mapping.sourceType() == null) {
            errors.add("sourceType", "is required; expected one of ELEMENT, FIELD, STATIC, EXPRESSION, LOOKUP, "
                    + "CREDENTIAL, TARGET_RESULT");
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        switch (mapping.sourceType()) {
            case ELEMENT -> {
                if (Names.required(errors, "value", mapping.value())) {
                    ElementPaths.problem(mapping.value()).ifPresentOrElse(m -> errors.add("value", m),
                            () -> paths.add(mapping.value()));
                }
            }
            case FIELD -> Names.fieldReference(errors, "value", mapping.value());
            case STATIC -> {
                if (mapping.value() == null) {
                    errors.add("value", "is required: the fixed value (it may be empty)");
                }
                Names.maxLength(errors, "value", mapping.value(), Names.VALUE_MAX);
            }
            case EXPRESSION -> {
                Names.maxLength(errors, "value", mapping.value(), Names.EXPRESSION_MAX);
                if (Names.required(errors, "value", mapping.value())
                        && mapping.value().length() <= Names.EXPRESSION_MAX) {
                    paths.addAll(expression(errors, "value", mapping.value()));
                }
            }
            case LOOKUP -> {
                Names.objectName(errors, "reference", mapping.reference());
                if (Names.required(errors, "value", mapping.value())) {
                    ElementPaths.problem(mapping.value()).ifPresentOrElse(m -> errors.add("value", m),
                            () -> paths.add(mapping.value()));
                }
                Names.fieldName(errors, "lookupMatchField", mapping.lookupMatchField());
                if (mapping.lookupReturnField() != null) {
                    Names.fieldReference(errors, "lookupReturnField", mapping.lookupReturnField());
                }
            }
            case CREDENTIAL -> {
                if (Names.required(errors, "reference", mapping.reference())) {
                    credentialExists(errors, "reference", mapping.reference(), credentials);
                }
                Names.required(errors, "value", mapping.value());
            }
            case TARGET_RESULT -> {
                Names.required(errors, "reference", mapping.reference());
                if (mapping.value() != null) {
                    Names.fieldReference(errors, "value", mapping.value());
                }
            }
            default -> throw new IllegalStateException("unhandled source type " + mapping.sourceType());
        }
        if (mapping.sourceType() != ValueSourceType.LOOKUP
                && (mapping.lookupMatchField() != null || mapping.lookupReturnField() != null)) {
            errors.add("lookupMatchField", "only LOOKUP mappings use lookup fields; sourceType is "
                    + mapping.sourceType());
        }
        for (String key : new ArrayList<>(mapping.valueMap().keySet())) {
            if (mapping.valueMap().get(key) == null) {
                errors.add("valueMap." + key, "is null; expected the value to translate to");
            }
        }
        return paths;
    }

    /**
     * Compiles an expression now, so that a mistake is an error on its field when it is saved, not a failed job.
     *
     * @return the element paths it reads (compiling checked each); empty when it does not compile
     */
    private static List<String> expression(FieldErrors errors, String field, String source) {
        try {
            return List.copyOf(Expressions.paths(Expressions.compile(source)));
        } catch (ConfigException e) {
            e.errors().forEach(error -> errors.add(field, error.message()));
            return List.of();
        }
    }

    /** Refuses a path from the current item ({@code @}) in a target that has no repeated element. */
    private static void itemPaths(FieldErrors errors, String field, List<String> paths, boolean repeated) {
        if (repeated) {
            return;
        }
        for (String path : paths) {
            if (path.startsWith("@")) {
                errors.add(field, "'" + path + "' reads the current item, but this target has no repeatPath; "
                        + "expected a path from the body's root, such as $" + path.substring(1));
            }
        }
    }

    private static void credentialExists(FieldErrors errors, String field, String name, Set<String> credentials) {
        if (!credentials.contains(name)) {
            errors.add(field, "credential '" + name + "' does not exist in this integration; expected one of "
                    + (credentials.isEmpty() ? "(none yet: create it first)"
                    : String.join(", ", new TreeSet<>(credentials))));
        }
    }

    private static void required(FieldErrors errors, String field, @Nullable Object value) {
        if (value == null) {
            errors.add(field, "is required");
        }
    }
}
