package org.openpayloads.engine.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openpayloads.engine.model.AuditInfo;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.NullRule;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.model.TargetResult;
import org.openpayloads.engine.model.TooLong;
import org.openpayloads.engine.model.ValueSourceType;
import org.openpayloads.engine.model.WhenPresent;

/** Builds the payloads, targets and mappings of the mapping tests so that they read like the configuration. */
final class Mappings {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    static final CredentialResolver NO_CREDENTIALS = (integration, credential) -> Optional.empty();

    private Mappings() {
    }

    /** An engine with no shared lookup cache and no credentials. */
    static MappingEngine engine() {
        return new MappingEngine(LookupCache.disabled(), NO_CREDENTIALS, CLOCK, ZoneOffset.UTC);
    }

    /** A payload whose job is all or nothing: a failed record undoes the job's writes. */
    static Payload allOrNothing(TargetBuilder... targets) {
        return payload(false, targets);
    }

    /** A payload that keeps what succeeded when a record fails. */
    static Payload partialSuccess(TargetBuilder... targets) {
        return payload(true, targets);
    }

    static Payload payload(boolean allowPartial, TargetBuilder... targets) {
        List<Target> built = new ArrayList<>();
        for (TargetBuilder target : targets) {
            built.add(target.build());
        }
        return new Payload("charge", "Stripe charge", null, Direction.INBOUND, PayloadKind.API_PUSH, ContentType.JSON,
                allowPartial, true, null, null, null, false, null, List.of(), null, null, null, List.of(), built,
                List.of(), null);
    }

    /** {@code payload} as stored at {@code version}. */
    static Payload saved(Payload payload, long version) {
        return new Payload(payload.apiName(), payload.label(), payload.description(), payload.direction(),
                payload.kind(), payload.contentType(), payload.allowPartialSuccess(), payload.active(), payload.auth(),
                payload.dedupeKey(), payload.orderingKey(), payload.syncResponse(), payload.whenInactive(),
                payload.redactPaths(), payload.endpointUrl(), payload.httpMethod(), payload.credential(),
                payload.elements(), payload.targets(), payload.sources(),
                new AuditInfo(null, "test", null, "test", version));
    }

    static TargetBuilder target(String apiName, String object, Operation operation) {
        return new TargetBuilder(apiName, object, operation);
    }

    static FieldMapping element(String field, String path) {
        return FieldMapping.element(field, path);
    }

    static FieldMapping element(String field, String path, NullRule nullRule) {
        return new FieldMapping(field, ValueSourceType.ELEMENT, path, null, null, null, nullRule, Map.of(), null);
    }

    static FieldMapping withDefault(String field, String path, String defaultValue) {
        return new FieldMapping(field, ValueSourceType.ELEMENT, path, null, null, null, null, Map.of(), defaultValue);
    }

    static FieldMapping translated(String field, String path, Map<String, String> valueMap, String defaultValue) {
        return new FieldMapping(field, ValueSourceType.ELEMENT, path, null, null, null, null, valueMap, defaultValue);
    }

    static FieldMapping fixed(String field, String value) {
        return new FieldMapping(field, ValueSourceType.STATIC, value, null, null, null, null, null, null);
    }

    static FieldMapping computed(String field, String expression) {
        return new FieldMapping(field, ValueSourceType.EXPRESSION, expression, null, null, null, null, null, null);
    }

    /** {@code field} ← the Id of the {@code object} whose {@code matchField} equals the value at {@code path}. */
    static FieldMapping lookup(String field, String object, String path, String matchField) {
        return lookup(field, object, path, matchField, null);
    }

    static FieldMapping lookup(String field, String object, String path, String matchField, String returnField) {
        return new FieldMapping(field, ValueSourceType.LOOKUP, path, object, matchField, returnField, null, null,
                null);
    }

    static FieldMapping credential(String field, String credential, String attribute) {
        return new FieldMapping(field, ValueSourceType.CREDENTIAL, attribute, credential, null, null, null, null,
                null);
    }

    /** {@code field} ← the id of the record an earlier target wrote. */
    static FieldMapping idOf(String field, String target) {
        return resultOf(field, target, null);
    }

    static FieldMapping resultOf(String field, String target, String resultField) {
        return new FieldMapping(field, ValueSourceType.TARGET_RESULT, resultField, target, null, null, null, null,
                null);
    }

    static JsonNode json(String text) {
        try {
            return StripeOrg.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    /** The one result of {@code target}'s record, or of its item 0. */
    static TargetResult resultOf(MappingResult result, String target) {
        return result.results().stream().filter(r -> r.target().equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for target " + target + " in " + result.results()));
    }

    /** A target under construction. */
    static final class TargetBuilder {

        private final String apiName;
        private final String object;
        private final Operation operation;
        private final List<FieldMapping> mappings = new ArrayList<>();
        private int order;
        private String externalIdField;
        private List<String> matchFields = List.of();
        private WhenPresent whenPresent;
        private String condition;
        private String repeatPath;
        private TooLong onTooLong;

        private TargetBuilder(String apiName, String object, Operation operation) {
            this.apiName = apiName;
            this.object = object;
            this.operation = operation;
        }

        TargetBuilder order(int value) {
            this.order = value;
            return this;
        }

        TargetBuilder externalId(String field) {
            this.externalIdField = field;
            return this;
        }

        TargetBuilder matchBy(String... fields) {
            this.matchFields = List.of(fields);
            return this;
        }

        TargetBuilder whenPresent(WhenPresent value) {
            this.whenPresent = value;
            return this;
        }

        TargetBuilder when(String expression) {
            this.condition = expression;
            return this;
        }

        TargetBuilder forEach(String path) {
            this.repeatPath = path;
            return this;
        }

        TargetBuilder tooLong(TooLong value) {
            this.onTooLong = value;
            return this;
        }

        TargetBuilder map(FieldMapping... more) {
            mappings.addAll(List.of(more));
            return this;
        }

        Target build() {
            return new Target(apiName, apiName, order, object, operation, externalIdField, matchFields, whenPresent,
                    condition, repeatPath, mappings, onTooLong);
        }
    }
}
