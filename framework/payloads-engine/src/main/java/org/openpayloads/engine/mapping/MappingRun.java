package org.openpayloads.engine.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.api.records.FieldDescription;
import org.openpayloads.api.records.ObjectDescription;
import org.openpayloads.api.records.RecordClient;
import org.openpayloads.engine.coerce.Coercer;
import org.openpayloads.engine.coerce.CoercionContext;
import org.openpayloads.engine.coerce.CoercionException;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NullRule;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.model.TargetResult;

/**
 * One run (or preview) of a plan over one body: targets in order, one record per target or per item of its repeated
 * element. A record that fails is recorded; without partial success the run stops there and {@link RecordWrites#undo} reverses
 * what it wrote. Not thread-safe: one per job.
 */
final class MappingRun {

    private final MappingPlan plan;
    private final RecordClient client;
    private final FieldValues fieldValues;
    private final ValueResolver values;
    private final RecordWrites writes;
    private final Clock clock;
    private final ZoneId zone;
    private final List<TargetResult> results = new ArrayList<>();

    /** What a run does with its writes. */
    enum Mode {
        /** Writes. */
        RUN,
        /** Writes nothing, and shows what a run would do, the ids of records an upsert would change included. */
        PREVIEW,
        /** Writes nothing: works out the writes a transaction then sends, whose answers give the ids. */
        PLAN
    }

    MappingRun(MappingPlan plan, RecordClient client, CredentialResolver credentials, LookupCache lookups,
               Clock clock, ZoneId zone, Mode mode) {
        this.plan = plan;
        this.client = client;
        this.values = new ValueResolver(plan.integration(), client, credentials, lookups);
        this.fieldValues = new FieldValues(values, zone);
        this.writes = new RecordWrites(client, values, mode != Mode.RUN, mode == Mode.PREVIEW,
                plan.payload().allowPartialSuccess());
        this.clock = clock;
        this.zone = zone;
    }

    MappingResult run(JsonNode body) {
        boolean allowPartial = plan.payload().allowPartialSuccess();
        int failures = 0;
        int written = 0;
        String firstFailure = null;
        try {
            targets:
            for (CompiledTarget target : plan.targets()) {
                values.rememberRepeat(target);
                List<@Nullable JsonNode> items = items(target, body);
                if (items.isEmpty()) {
                    results.add(writes.skip(target, 0, "no items at " + target.target().repeatPath()));
                }
                for (int index = 0; index < items.size(); index++) {
                    TargetResult result = record(target, index, body, items.get(index));
                    results.add(result);
                    if (!result.success()) {
                        failures++;
                        if (!allowPartial) {
                            firstFailure = "target '" + target.name() + "' failed"
                                    + (target.repeat() == null ? "" : " at item " + index);
                            break targets;
                        }
                    } else if (!Action.SKIP.name().equals(result.operation())) {
                        written++;
                    }
                }
            }
        } catch (RuntimeException e) {
            // Unavailable org, refused credentials: the job as a whole fails or is retried; leave nothing half done.
            if (!allowPartial) {
                writes.undo("the job stopped with an error: " + e.getMessage(), results);
            }
            throw e;
        }
        if (firstFailure != null) {
            writes.undo(firstFailure, results);
        }
        JobStatus status = failures == 0 ? JobStatus.COMPLETED
                : allowPartial && written > 0 ? JobStatus.PARTIAL : JobStatus.FAILED;
        return new MappingResult(status, writes.operations(), values.lookups(), results);
    }

    /** After a preview: the writes a run would send, in order. */
    List<PlannedWrite> plannedWrites() {
        return writes.planned();
    }

    private TargetResult record(CompiledTarget target, int index, JsonNode body, @Nullable JsonNode item) {
        Target config = target.target();
        try {
            RecordScope scope = new RecordScope(plan.readers(), plan.slots(), body, item, clock, zone);
            if (target.condition() != null && !isTrue(target.condition().evaluate(scope), config)) {
                values.recordOutcome(target, new Written(Action.SKIP, null, Map.of(), false));
                return writes.skip(target, index, "condition is false: " + config.condition());
            }
            ObjectDescription description = client.describe(config.object());
            Map<String, @Nullable Object> fields = fieldValues.of(target, index, scope, description);
            return writes.execute(target, index, fields);
        } catch (RecordFailure e) {
            return failed(target, index, e.code(), e.getMessage());
        } catch (CoercionException e) {
            return failed(target, index, "INVALID_VALUE", e.getMessage());
        } catch (MappingException e) {
            return failed(target, index, "MAPPING_ERROR", e.getMessage());
        } catch (NotFoundException e) {
            return failed(target, index, "INVALID_OBJECT", e.getMessage());
        }
    }

    private TargetResult failed(CompiledTarget target, int index, String code, String message) {
        values.recordOutcome(target, Written.FAILED);
        return new TargetResult(target.name(), index, target.target().object(), null, null, null, false, code, message);
    }

    private static boolean isTrue(@Nullable Object value, Target target) {
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        throw new RecordFailure("MAPPING_ERROR", "condition of target '" + target.apiName() + "' gave '" + value
                + "'; expected true or false");
    }

    private static List<@Nullable JsonNode> items(CompiledTarget target, JsonNode body) {
        if (target.repeat() == null) {
            return Collections.singletonList(null);
        }
        Object value = target.repeat().read(body, null);
        if (value == null) {
            return List.of();
        }
        if (value instanceof JsonNode node) {
            // XML gives an element that occurs once as an object, not an array of one.
            if (!node.isArray()) {
                return List.of(node);
            }
            List<@Nullable JsonNode> items = new ArrayList<>(node.size());
            node.forEach(items::add);
            return items;
        }
        if (value instanceof Iterable<?> iterable) {
            List<@Nullable JsonNode> items = new ArrayList<>();
            iterable.forEach(v -> items.add(v instanceof JsonNode n ? n : JsonNodeFactory.instance.pojoNode(v)));
            return items;
        }
        return List.of(JsonNodeFactory.instance.pojoNode(value));
    }

    /** Resolves, maps and coerces the values of one record's fields. */
    static final class FieldValues {

        private final ValueResolver values;
        private final ZoneId zone;
        private final Coercer coercer = new Coercer();

        FieldValues(ValueResolver values, ZoneId zone) {
            this.values = values;
            this.zone = zone;
        }

        Map<String, @Nullable Object> of(CompiledTarget target, int index, RecordScope scope,
                                         ObjectDescription description) {
            Target config = target.target();
            Map<String, @Nullable Object> fields = new LinkedHashMap<>();
            for (CompiledMapping mapping : target.mappings()) {
                FieldBinding.Bound bound = mapping.binding().get(description, zone, () -> new FieldBinding.Bound(
                        description, zone, field(description, mapping.field()), new CoercionContext(config.object(),
                        mapping.source().elementPath(), config.onTooLong(), zone)));
                FieldDescription field = bound.field();
                Object value = values.resolve(mapping.source(), scope, target, index, mapping.field());
                value = translate(mapping, value);
                if (isNull(value) && mapping.defaultValue() != null) {
                    value = mapping.defaultValue();
                }
                if (!isNull(value) && !(value instanceof Pending)) {
                    // A blank text for a number, date or picklist field comes back null, and is null from here on.
                    value = coercer.coerce(value, field, bound.context());
                }
                if (!isNull(value) || mapping.nullRule() == NullRule.CLEAR) {
                    fields.put(field.name(), isNull(value) ? null : value);
                }
            }
            return fields;
        }

        private static FieldDescription field(ObjectDescription description, String name) {
            return description.field(name).orElseThrow(() -> new RecordFailure("INVALID_FIELD", description.name()
                    + " has no field '" + name + "'; expected one of the fields its describe lists"));
        }

        /** The value map's translation of {@code value}; its default for a value the map lacks. */
        private static @Nullable Object translate(CompiledMapping mapping, @Nullable Object value) {
            if (mapping.valueMap().isEmpty() || isNull(value)) {
                return value;
            }
            String key = value instanceof JsonNode node ? (node.isValueNode() ? node.asText() : null)
                    : value instanceof BigDecimal number ? number.toPlainString() : value.toString();
            String mapped = key == null ? null : mapping.valueMap().get(key);
            if (mapped != null) {
                return mapped;
            }
            return mapping.defaultValue() != null ? mapping.defaultValue() : value;
        }

        private static boolean isNull(@Nullable Object value) {
            return value == null || value instanceof JsonNode node && (node.isNull() || node.isMissingNode());
        }
    }
}
