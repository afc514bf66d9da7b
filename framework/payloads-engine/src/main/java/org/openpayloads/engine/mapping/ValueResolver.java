package org.openpayloads.engine.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.records.QueryResult;
import org.openpayloads.api.records.RecordClient;
import org.openpayloads.api.records.Soql;
import org.openpayloads.engine.model.ResolvedCredential;

/**
 * Resolves the value sources of one job's records: elements, statics and expressions from the record's scope,
 * lookups through the job's and the shared cache, credentials, and the results of earlier targets. Not
 * thread-safe: one per job.
 */
final class ValueResolver {

    private final String integration;
    private final RecordClient client;
    private final CredentialResolver credentials;
    private final LookupCache sharedLookups;
    private final Map<LookupCache.Key, Optional<Object>> jobLookups = new HashMap<>();
    private final Map<String, Optional<ResolvedCredential>> jobCredentials = new HashMap<>();
    private final Map<String, List<Written>> written = new HashMap<>();
    private final List<Lookup> lookups = new ArrayList<>();
    /** Target name to the path it repeats over. */
    private final Map<String, String> repeatPaths = new HashMap<>();

    ValueResolver(String integration, RecordClient client, CredentialResolver credentials, LookupCache sharedLookups) {
        this.integration = integration;
        this.client = client;
        this.credentials = credentials;
        this.sharedLookups = sharedLookups;
    }

    @Nullable Object resolve(ValueSource source, RecordScope scope, CompiledTarget target, int index, String field) {
        if (source instanceof ValueSource.Element element) {
            return scope.read(element.reader());
        }
        if (source instanceof ValueSource.Static fixed) {
            return fixed.value();
        }
        if (source instanceof ValueSource.Computed computed) {
            return computed.expression().evaluate(scope);
        }
        if (source instanceof ValueSource.Lookup lookup) {
            return lookup(lookup, scope, target, index, field);
        }
        if (source instanceof ValueSource.Credential credential) {
            return credential(credential);
        }
        if (source instanceof ValueSource.TargetResult result) {
            return targetResult(result, target, index);
        }
        throw new IllegalStateException("unhandled value source " + source);
    }

    void recordOutcome(CompiledTarget target, Written outcome) {
        written.computeIfAbsent(target.name(), name -> new ArrayList<>()).add(outcome);
    }

    /** Drops what this job and the shared cache know about {@code object}, after a write to it. */
    void forget(String object) {
        if (!jobLookups.isEmpty()) {
            jobLookups.keySet().removeIf(key -> key.object().equalsIgnoreCase(object));
        }
        sharedLookups.invalidate(object);
    }

    List<Lookup> lookups() {
        return lookups;
    }

    private @Nullable Object lookup(ValueSource.Lookup lookup, RecordScope scope, CompiledTarget target, int index,
                                    String field) {
        Object value = scalar(scope.read(lookup.reader()), lookup.reader().path());
        if (value == null) {
            return null;
        }
        LookupCache.Key key = LookupCache.Key.of(lookup.object(), lookup.matchField(), value, lookup.returnField());
        Optional<Object> known = jobLookups.get(key);
        boolean cached = true;
        if (known == null) {
            known = sharedLookups.get(key);
            if (known.isEmpty()) {
                cached = false;
                long generation = sharedLookups.generation(lookup.object());
                known = Optional.ofNullable(query(lookup, value));
                sharedLookups.put(key, generation, known.orElse(null));
            }
            jobLookups.put(key, known);
        }
        Object result = known.orElse(null);
        lookups.add(new Lookup(target.name(), index, field, lookup.object(), lookup.matchField(), value,
                lookup.returnField(), result, cached));
        return result;
    }

    private @Nullable Object query(ValueSource.Lookup lookup, Object value) {
        // Two rows, to tell one match from many; a query rather than findId, so that every client says so alike.
        QueryResult found = client.query(Soql.select(lookup.object(), List.of(lookup.returnField()),
                Map.of(lookup.matchField(), value), 2));
        if (found.records().size() > 1) {
            throw new RecordFailure("MULTIPLE_MATCHES", "lookup of " + lookup.object() + " by " + lookup.matchField()
                    + " = '" + value + "' matched more than one record; expected at most one");
        }
        return found.records().isEmpty() ? null : fieldOf(found.records().get(0), lookup.returnField());
    }

    /** A field of a query row; {@code Account.Name} walks into the nested parent record. */
    @SuppressWarnings("unchecked")
    private static @Nullable Object fieldOf(Map<String, @Nullable Object> row, String field) {
        Object value = row;
        for (String step : field.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = FieldNames.get((Map<String, @Nullable Object>) map, step);
        }
        return value;
    }

    private String credential(ValueSource.Credential source) {
        Optional<ResolvedCredential> credential = jobCredentials.computeIfAbsent(source.credential(),
                name -> credentials.resolve(integration, name));
        if (credential.isEmpty()) {
            throw new MappingException("credential '" + source.credential() + "' does not exist in integration '"
                    + integration + "'");
        }
        return credential.get().attribute(source.attribute()).orElseThrow(() -> new MappingException("credential '"
                + source.credential() + "' has no plain attribute '" + source.attribute() + "'; secrets cannot be "
                + "mapped into records"));
    }

    private @Nullable Object targetResult(ValueSource.TargetResult source, CompiledTarget target, int index) {
        List<Written> outcomes = written.get(source.target());
        if (outcomes == null || outcomes.isEmpty()) {
            return null;
        }
        Written outcome = outcomes.size() > index && sameRepeat(target, source.target()) ? outcomes.get(index)
                : outcomes.get(0);
        if (outcome.failed()) {
            throw new RecordFailure("DEPENDENCY_FAILED", "target '" + source.target() + "' failed, so its "
                    + source.field() + " is unknown");
        }
        return source.field().equalsIgnoreCase("Id") ? outcome.id() : FieldNames.get(outcome.fields(), source.field());
    }

    void rememberRepeat(CompiledTarget target) {
        if (target.repeat() != null) {
            repeatPaths.put(target.name(), target.repeat().path());
        }
    }

    /** Whether both targets repeat over the same element, so that item n uses the earlier target's item n. */
    private boolean sameRepeat(CompiledTarget target, String earlier) {
        return target.repeat() != null && target.repeat().path().equals(repeatPaths.get(earlier));
    }

    /** A value usable in a query: text, number or boolean. */
    private static @Nullable Object scalar(@Nullable Object value, String path) {
        if (value instanceof JsonNode node) {
            if (node.isTextual()) {
                return node.textValue().isEmpty() ? null : node.textValue();
            }
            if (node.isNumber()) {
                return node.decimalValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            throw new MappingException("lookup value at " + path + " is " + (node.isArray() ? "an array" : "an object")
                    + "; expected a text, number or boolean");
        }
        if (value instanceof String text) {
            return text.isEmpty() ? null : text;
        }
        if (value instanceof Number number && !(value instanceof BigDecimal)) {
            return new BigDecimal(number.toString());
        }
        return value;
    }
}
