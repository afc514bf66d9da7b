package org.openpayloads.engine.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldErrors;
import org.openpayloads.engine.expr.Expressions;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Source;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.model.ValueSourceType;

/**
 * The checks of a payload's targets and sources, and of their field mappings, for {@link ConfigValidator}: every
 * problem is added to the errors under the field a client sent, such as {@code targets[1].mappings[0].value}.
 */
final class MappingRules {

    private MappingRules() {
    }

    static void validateTargets(FieldErrors errors, List<Target> targets, Set<String> credentials) {
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

    private static boolean mapped(Target target, String field) {
        return target.mappings().stream().anyMatch(m -> m != null && field.equalsIgnoreCase(m.field()));
    }

    static void validateTarget(FieldErrors errors, Target target, Set<String> credentials,
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
            String field = target.matchFields().get(i);
            Names.fieldName(errors, "matchFields[" + i + "]", field);
            if (field != null && op != null && !mapped(target, field)) {
                errors.add("matchFields[" + i + "]", "'" + field + "' is not mapped; " + op + " finds its record by "
                        + "the mapped values of its match fields");
            }
        }
        String externalId = target.externalIdField();
        boolean byExternalId = op == Operation.UPSERT
                || op == Operation.DELETE && target.matchFields().isEmpty() && !mapsId;
        if (byExternalId && externalId != null && !mapped(target, externalId)) {
            errors.add("externalIdField", "'" + externalId + "' is not mapped; " + op + " needs the external id's "
                    + "value from a mapping");
        }
        if (op == Operation.INSERT && mapsId) {
            errors.add("mappings", "an INSERT cannot map Id; the org assigns it");
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

    static void validateSources(FieldErrors errors, List<Source> sources, Set<String> credentials) {
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

    static void validateSource(FieldErrors errors, Source source, Set<String> credentials) {
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
    static List<String> validateValueSource(FieldErrors errors, FieldMapping mapping,
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
    static List<String> expression(FieldErrors errors, String field, String source) {
        try {
            return List.copyOf(Expressions.paths(Expressions.compile(source)));
        } catch (ConfigException e) {
            e.errors().forEach(error -> errors.add(field, error.message()));
            return List.of();
        }
    }

    /** Refuses a path from the current item ({@code @}) in a target that has no repeated element. */
    static void itemPaths(FieldErrors errors, String field, List<String> paths, boolean repeated) {
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

    static void credentialExists(FieldErrors errors, String field, String name, Set<String> credentials) {
        if (!credentials.contains(name)) {
            errors.add(field, "credential '" + name + "' does not exist in this integration; expected one of "
                    + (credentials.isEmpty() ? "(none yet: create it first)"
                    : String.join(", ", new TreeSet<>(credentials))));
        }
    }

    static void required(FieldErrors errors, String field, @Nullable Object value) {
        if (value == null) {
            errors.add(field, "is required");
        }
    }
}
