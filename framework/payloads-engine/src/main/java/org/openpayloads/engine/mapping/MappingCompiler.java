package org.openpayloads.engine.mapping;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldErrors;
import org.openpayloads.engine.expr.Expression;
import org.openpayloads.engine.expr.Expressions;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.Target;

/**
 * Compiles a payload's targets into a {@link MappingPlan}, and keeps the plans it made: a plan is compiled again
 * only when its payload changes (a new version), so paths and expressions are compiled once per configuration,
 * never per payload received. Thread-safe.
 */
public final class MappingCompiler {

    private static final String ID = "Id";

    /** A plan's key: a record, so that a lookup reuses the names' cached hash codes instead of a new string's. */
    private record PlanKey(String integration, String payload) {
    }

    private final Cache<PlanKey, MappingPlan> plans;
    private final AtomicLong pathsCompiled = new AtomicLong();

    /** @param maximumPlans how many compiled payloads to keep */
    public MappingCompiler(int maximumPlans) {
        if (maximumPlans < 1) {
            throw new IllegalArgumentException("maximumPlans was " + maximumPlans + "; expected 1 or more");
        }
        this.plans = Caffeine.newBuilder().maximumSize(maximumPlans).build();
    }

    /**
     * The plan of {@code payload}: the one compiled before when the payload has not changed since, else a new one.
     *
     * @throws ConfigException naming each bad path or expression, as {@code targets[0].mappings[2].value}
     */
    public MappingPlan plan(String integration, Payload payload) {
        PlanKey key = new PlanKey(integration, payload.apiName());
        MappingPlan cached = plans.getIfPresent(key);
        if (cached != null && sameConfiguration(cached.payload(), payload)) {
            return cached;
        }
        MappingPlan plan = compile(integration, payload);
        plans.put(key, plan);
        return plan;
    }

    /** How many element paths this compiler has compiled: it must not grow while payloads are mapped. */
    public long pathsCompiled() {
        return pathsCompiled.get();
    }

    /** Compiles {@code payload} without keeping the plan. */
    public MappingPlan compile(String integration, Payload payload) {
        FieldErrors errors = new FieldErrors();
        PathTable readers = new PathTable();
        List<Target> configured = payload.targets();
        // Run order; positions stay those of the payload's list, which errors name. The sort is stable.
        List<Integer> positions = IntStream.range(0, configured.size()).boxed()
                .sorted(Comparator.comparingInt(i -> configured.get(i).order())).toList();
        List<CompiledTarget> targets = new ArrayList<>();
        Set<String> earlier = new HashSet<>();
        for (int i = 0; i < positions.size(); i++) {
            Target target = configured.get(positions.get(i));
            boolean writesFollow = i < positions.size() - 1 || target.repeatPath() != null;
            targets.add(compileTarget(errors.nested("targets", positions.get(i)), target, readers, earlier,
                    writesFollow));
            earlier.add(target.apiName());
        }
        errors.throwIfAny();
        return new MappingPlan(integration, payload, targets, readers.paths(), readers.slots());
    }

    private CompiledTarget compileTarget(FieldErrors errors, Target target, PathTable readers,
                                         Set<String> earlier, boolean writesFollow) {
        String repeatPath = target.repeatPath();
        boolean repeated = repeatPath != null;
        ElementReader repeat = null;
        if (repeatPath != null && repeatPath.startsWith("@")) {
            errors.add("repeatPath", "'" + repeatPath + "' starts at the current item, but the repeated element is "
                    + "read from the body's root; expected for example $.data.items");
        } else if (repeatPath != null) {
            repeat = reader(errors, "repeatPath", repeatPath, readers, false);
        }
        Expression condition = target.condition() == null ? null
                : expression(errors, "condition", target.condition(), readers, repeated);
        List<CompiledMapping> mappings = new ArrayList<>();
        for (int i = 0; i < target.mappings().size(); i++) {
            FieldMapping mapping = target.mappings().get(i);
            FieldErrors at = errors.nested("mappings", i);
            if (mapping.field() == null || mapping.field().isBlank()) {
                at.add("field", "is required: the API name of the field to fill, such as Name");
            }
            ValueSource source = source(at, mapping, readers, repeated, earlier);
            if (source != null) {
                mappings.add(new CompiledMapping(mapping.field(), source, mapping.nullRule(), mapping.valueMap(),
                        mapping.defaultValue(), new FieldBinding()));
            }
        }
        checkOperation(errors, target);
        return new CompiledTarget(target, condition, repeat, mappings, writesFollow);
    }

    /** What the operation needs to find or name its record: an external id, match fields or an Id, mapped. */
    private static void checkOperation(FieldErrors errors, Target target) {
        Operation operation = target.operation();
        if (operation == null) {
            errors.add("operation", "is required; expected INSERT, UPDATE, UPSERT, CREATE_IF_MISSING or DELETE");
            return;
        }
        for (int i = 0; i < target.matchFields().size(); i++) {
            String field = target.matchFields().get(i);
            if (!mapped(target, field)) {
                errors.add("matchFields[" + i + "]", "'" + field + "' is not mapped; "
                        + article(operation) + " finds its record by the mapped values of its match fields");
            }
        }
        String externalId = target.externalIdField();
        if (operation == Operation.UPSERT && externalId == null) {
            errors.add("externalIdField", "is required: an UPSERT matches its record by an external id field");
        }
        // A DELETE with an Id mapped deletes by Id when the body gives one.
        boolean needsExternalId = operation == Operation.UPSERT || operation == Operation.DELETE
                && target.matchFields().isEmpty() && !mapped(target, ID);
        if (needsExternalId && externalId != null && !mapped(target, externalId)) {
            errors.add("externalIdField", "'" + externalId + "' is not mapped; " + article(operation)
                    + " needs the external id's value");
        }
        if (operation == Operation.CREATE_IF_MISSING && target.matchFields().isEmpty()) {
            errors.add("matchFields", "are required: CREATE_IF_MISSING finds its record by match fields");
        }
        if ((operation == Operation.UPDATE || operation == Operation.DELETE) && target.matchFields().isEmpty()
                && externalId == null && !mapped(target, ID)) {
            errors.add("matchFields", "are required: " + article(operation) + " finds its record by a mapped Id or "
                    + "by match fields" + (operation == Operation.DELETE ? " or an external id field" : ""));
        }
        if (operation == Operation.INSERT && mapped(target, ID)) {
            errors.add("mappings", "an INSERT cannot map Id; the org assigns it");
        }
    }

    /** "an UPDATE", "a DELETE". */
    static String article(Operation operation) {
        return ("AEIOU".indexOf(operation.name().charAt(0)) >= 0 ? "an " : "a ") + operation;
    }

    private static boolean mapped(Target target, String field) {
        return target.mappings().stream().anyMatch(m -> field.equalsIgnoreCase(m.field()));
    }

    private @Nullable ValueSource source(FieldErrors errors, FieldMapping mapping, PathTable readers,
                                         boolean repeated, Set<String> earlier) {
        String value = mapping.value();
        if (mapping.sourceType() == null) {
            errors.add("sourceType", "is required; expected ELEMENT, STATIC, EXPRESSION, LOOKUP, CREDENTIAL or "
                    + "TARGET_RESULT");
            return null;
        }
        return switch (mapping.sourceType()) {
            case ELEMENT -> {
                ElementReader reader = reader(errors, "value", value, readers, repeated);
                yield reader == null ? null : new ValueSource.Element(reader);
            }
            case STATIC -> new ValueSource.Static(value == null ? "" : value);
            case EXPRESSION -> {
                Expression expression = expression(errors, "value", value, readers, repeated);
                yield expression == null ? null : new ValueSource.Computed(value, expression);
            }
            case LOOKUP -> {
                ElementReader reader = reader(errors, "value", value, readers, repeated);
                boolean object = required(errors, "reference", mapping.reference(), "the object to look in, such as "
                        + "Account");
                boolean matchField = required(errors, "lookupMatchField", mapping.lookupMatchField(), "the field "
                        + "the value is matched with, such as Stripe_Customer_Id__c");
                String returnField = mapping.lookupReturnField() == null ? ID : mapping.lookupReturnField();
                yield reader == null || !object || !matchField ? null
                        : new ValueSource.Lookup(mapping.reference(), reader, mapping.lookupMatchField(), returnField);
            }
            case CREDENTIAL -> {
                boolean credential = required(errors, "reference", mapping.reference(), "the credential's API name");
                boolean attribute = required(errors, "value", value, "the attribute to map, such as accountId");
                yield credential && attribute ? new ValueSource.Credential(mapping.reference(), value) : null;
            }
            case TARGET_RESULT -> targetResult(errors, mapping, earlier);
            case FIELD -> {
                errors.add("sourceType", "FIELD reads a record for outbound sources; a target maps the payload's "
                        + "elements");
                yield null;
            }
        };
    }

    private static ValueSource.@Nullable TargetResult targetResult(FieldErrors errors, FieldMapping mapping,
                                                                   Set<String> earlier) {
        String reference = mapping.reference();
        if (!required(errors, "reference", reference, "the API name of an earlier target")) {
            return null;
        }
        if (!earlier.contains(reference)) {
            errors.add("reference", "'" + reference + "' is not a target that runs before this one; expected the API "
                    + "name of a target with a lower order" + (earlier.isEmpty() ? "" : ", one of "
                    + String.join(", ", new TreeSet<>(earlier))));
            return null;
        }
        String value = mapping.value();
        return new ValueSource.TargetResult(reference, value == null || value.equalsIgnoreCase(ID) ? ID : value);
    }

    private static boolean required(FieldErrors errors, String field, @Nullable String value, String expected) {
        if (value == null || value.isBlank()) {
            errors.add(field, "is required: " + expected);
            return false;
        }
        return true;
    }

    private @Nullable ElementReader reader(FieldErrors errors, String field, @Nullable String path,
                                           PathTable readers, boolean repeated) {
        if (path == null) {
            errors.add(field, "is required: an element path such as $.data.object.id");
            return null;
        }
        if (path.startsWith("@") && !repeated) {
            errors.add(field, "'" + path + "' reads the current item, but this target has no repeatPath; expected a "
                    + "path from the body's root, such as $" + path.substring(1));
            return null;
        }
        ElementReader known = readers.get(path);
        if (known != null) {
            return known;
        }
        try {
            ElementReader reader = ElementReader.compile(path);
            pathsCompiled.incrementAndGet();
            if (reader instanceof SimplePath simple && simple.depth() > 0) {
                reader = readers.linked(simple);
            }
            readers.put(path, reader);
            return reader;
        } catch (IllegalArgumentException e) {
            errors.add(field, e.getMessage() + "; expected for example $.data.object.id");
            return null;
        }
    }

    private @Nullable Expression expression(FieldErrors errors, String field, @Nullable String source,
                                            PathTable readers, boolean repeated) {
        if (source == null) {
            errors.add(field, "is required: an expression such as upper($.data.object.currency)");
            return null;
        }
        Expression expression;
        try {
            expression = Expressions.compile(source);
        } catch (ConfigException e) {
            e.errors().forEach(error -> errors.add(field, error.message()));
            return null;
        }
        FieldErrors paths = new FieldErrors();
        for (String path : Expressions.paths(expression)) {
            reader(paths, field, path, readers, repeated);
        }
        errors.addAll(paths.list());
        return paths.list().isEmpty() ? expression : null;
    }

    private static boolean sameConfiguration(Payload cached, Payload current) {
        if (cached == current) {
            return true;
        }
        long version = current.audit().version();
        // A saved payload changes version on every change; an unsaved one (version 0) is compared whole.
        return version != 0 ? version == cached.audit().version() : cached.equals(current);
    }
}
