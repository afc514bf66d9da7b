package org.openpayloads.web.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.model.AuditInfo;
import org.openpayloads.engine.model.AuthType;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.CredentialType;
import org.openpayloads.engine.model.DataType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.Expansion;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.HttpMethod;
import org.openpayloads.engine.model.InactiveBehaviour;
import org.openpayloads.engine.model.InboundAuth;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.NullRule;
import org.openpayloads.engine.model.Operation;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;
import org.openpayloads.engine.model.Polling;
import org.openpayloads.engine.model.Source;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.model.TooLong;
import org.openpayloads.engine.model.ValueSourceType;
import org.openpayloads.engine.model.WhenPresent;
import org.openpayloads.engine.security.SecretMask;

/**
 * Turns request DTOs into model records: applies the API's defaults, converts enum names, and collects every
 * value that cannot be converted (an unknown enum name, a null list item) into one
 * {@link org.openpayloads.api.ConfigException}, thrown before any service is called. Business rules (lengths,
 * required fields, references) stay in the engine's validator.
 */
public final class InputMapper {

    private InputMapper() {
    }

    public static Integration integration(IntegrationDto dto) {
        return new Integration(dto.apiName(), labelOf(dto.label(), dto.apiName()), dto.description(),
                orDefault(dto.active(), true), dto.retentionDays(), AuditInfo.NEW);
    }

    public static Payload payload(PayloadDto dto) {
        Conversion errors = new Conversion();
        Payload payload = payload(errors, dto);
        errors.throwIfAny();
        return payload;
    }

    public static List<Element> elements(@Nullable List<@Nullable ElementDto> dtos) {
        Conversion errors = new Conversion();
        List<Element> elements = elements(errors, dtos);
        errors.throwIfAny();
        return elements;
    }

    /** @param position the target's index in its payload, for the default order */
    public static Target target(TargetDto dto, int position) {
        Conversion errors = new Conversion();
        Target target = target(errors, dto, position);
        errors.throwIfAny();
        return target;
    }

    /** @param position the source's index in its payload, for the default order */
    public static Source source(SourceDto dto, int position) {
        Conversion errors = new Conversion();
        Source source = source(errors, dto, position);
        errors.throwIfAny();
        return source;
    }

    /**
     * A credential change: a secret with a value is set, one set to {@code null} is removed, and one that is
     * absent or a mask (as GET shows it) keeps its stored value. Attributes set to {@code null} are left out.
     */
    public static CredentialChange credential(CredentialDto dto) {
        Conversion errors = new Conversion();
        CredentialType type = errors.enumValue("type", dto.type(), CredentialType.class, "a credential type");
        errors.throwIfAny();
        Map<String, String> attributes = new LinkedHashMap<>();
        if (dto.attributes() != null) {
            dto.attributes().forEach((name, value) -> {
                if (value != null) {
                    attributes.put(name, value);
                }
            });
        }
        Map<String, String> toSet = new LinkedHashMap<>();
        Set<String> toRemove = new HashSet<>();
        if (dto.secrets() != null) {
            dto.secrets().forEach((name, value) -> {
                if (value == null) {
                    toRemove.add(name);
                } else if (!SecretMask.isMask(value)) {
                    toSet.put(name, value);
                }
            });
        }
        return new CredentialChange(dto.apiName(), labelOf(dto.label(), dto.apiName()), type, attributes, toSet,
                toRemove);
    }

    /**
     * A merge patch removes a member set to {@code null}, but for secrets an absent name means "keep": this
     * turns the secrets a patch set to null (or all of them, for {@code "secrets":null}) back into removals.
     */
    public static CredentialDto withRemovedSecrets(CredentialDto merged, CredentialDto current, JsonNode patch) {
        JsonNode secrets = patch.path("secrets");
        Map<String, @Nullable String> result = new LinkedHashMap<>();
        if (merged.secrets() != null) {
            result.putAll(merged.secrets());
        }
        if (secrets.isNull() && current.secrets() != null) {
            current.secrets().keySet().forEach(name -> result.put(name, null));
        } else if (secrets.isObject()) {
            secrets.properties().forEach(member -> {
                if (member.getValue().isNull()) {
                    result.put(member.getKey(), null);
                }
            });
        }
        return merged.withSecrets(merged.apiName(), result);
    }

    private static Payload payload(Conversion errors, PayloadDto dto) {
        Direction direction = errors.enumValue("direction", dto.direction(), Direction.class, "a direction");
        PayloadKind kind = errors.enumValue("kind", dto.kind(), PayloadKind.class, "a payload kind");
        if (dto.kind() == null) {
            kind = direction == Direction.OUTBOUND ? PayloadKind.API_GET : PayloadKind.API_PUSH;
        }
        if (dto.direction() == null && kind != null) {
            direction = kind.direction();
        }
        return new Payload(dto.apiName(), labelOf(dto.label(), dto.apiName()), dto.description(), direction, kind,
                contentType(errors, dto.contentType()), orDefault(dto.allowPartialSuccess(), false),
                orDefault(dto.active(), true), auth(errors.nested("auth"), dto.auth()), dto.dedupeKey(),
                dto.orderingKey(), orDefault(dto.syncResponse(), false),
                errors.enumValue("whenInactive", dto.whenInactive(), InactiveBehaviour.class,
                        "an inactive behaviour"),
                strings(errors, "redactPaths", dto.redactPaths()), dto.endpointUrl(),
                errors.enumValue("httpMethod", dto.httpMethod(), HttpMethod.class, "an HTTP method"),
                dto.credential(), elements(errors.nested("elements"), dto.elements()),
                list(errors, "targets", dto.targets(), (at, i) -> target(at, dto.targets().get(i), i)),
                list(errors, "sources", dto.sources(), (at, i) -> source(at, dto.sources().get(i), i)),
                list(errors, "expansions", dto.expansions(), (at, i) -> expansion(dto.expansions().get(i))),
                polling(errors.nested("polling"), dto.polling()), AuditInfo.NEW);
    }

    private static Expansion expansion(ExpansionDto dto) {
        return new Expansion(dto.path(), dto.credential(), dto.resource(), orDefault(dto.optional(), false));
    }

    private static @Nullable Polling polling(Conversion errors, @Nullable PollingDto dto) {
        if (dto == null) {
            return null;
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (dto.options() != null) {
            dto.options().forEach((name, value) -> {
                if (value == null) {
                    errors.add("options." + name, "is null; expected a text value, or leave the option out");
                } else {
                    options.put(name, value);
                }
            });
        }
        return new Polling(dto.trigger(), dto.intervalSeconds() == null ? Polling.DEFAULT_INTERVAL_SECONDS
                : dto.intervalSeconds(), backfillFrom(errors, dto.backfillFrom()), options);
    }

    /** An instant, or a date taken from midnight UTC. */
    private static @Nullable Instant backfillFrom(Conversion errors, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.strip().length() == 10 ? LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add("backfillFrom", "'" + value + "' is not a date or an instant; expected for example 2026-01-01 "
                    + "or 2026-01-01T09:30:00Z");
            return null;
        }
    }

    private static @Nullable ContentType contentType(Conversion errors, @Nullable String value) {
        if (value == null) {
            return ContentType.JSON;
        }
        for (ContentType type : ContentType.values()) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        if (value.contains("/")) {
            var byMediaType = ContentType.ofHeader(value);
            if (byMediaType.isPresent()) {
                return byMediaType.get();
            }
        }
        errors.add("contentType", Conversion.notOneOf(value, ContentType.class, "a content type"));
        return null;
    }

    private static InboundAuth auth(Conversion errors, @Nullable InboundAuthDto dto) {
        if (dto == null) {
            return InboundAuth.NONE;
        }
        return new InboundAuth(errors.enumValue("type", dto.type(), AuthType.class, "an auth type"),
                dto.credential(), dto.headerName(), dto.signedContent(), dto.signatureEncoding(),
                dto.toleranceSeconds());
    }

    private static List<Element> elements(Conversion errors, @Nullable List<@Nullable ElementDto> dtos) {
        List<Element> elements = new ArrayList<>();
        if (dtos == null) {
            return elements;
        }
        for (int i = 0; i < dtos.size(); i++) {
            ElementDto dto = dtos.get(i);
            Conversion at = errors.nested("[" + i + "]");
            if (dto == null) {
                at.add("", "is required; expected an element object");
                continue;
            }
            elements.add(new Element(dto.name(), dto.path(),
                    at.enumValue("dataType", dto.dataType(), DataType.class, "a data type"),
                    orDefault(dto.required(), false), orDefault(dto.repeated(), false),
                    elements(at.nested("children"), dto.children())));
        }
        return elements;
    }

    private static Target target(Conversion errors, TargetDto dto, int position) {
        String label = dto.label() != null ? dto.label() : dto.apiName();
        int order = dto.order() != null ? dto.order() : position * 10;
        return new Target(dto.apiName(), label, order, dto.object(),
                errors.enumValue("operation", dto.operation(), Operation.class, "an operation"),
                dto.externalIdField(), strings(errors, "matchFields", dto.matchFields()),
                errors.enumValue("whenPresent", dto.whenPresent(), WhenPresent.class, "a when-present behaviour"),
                dto.condition(), dto.repeatPath(), mappings(errors, dto.mappings()),
                errors.enumValue("onTooLong", dto.onTooLong(), TooLong.class, "a too-long behaviour"));
    }

    private static Source source(Conversion errors, SourceDto dto, int position) {
        int order = dto.order() != null ? dto.order() : position * 10;
        return new Source(dto.apiName(), labelOf(dto.label(), dto.apiName()), order, dto.object(), dto.filter(),
                dto.query(), mappings(errors, dto.mappings()));
    }

    private static List<FieldMapping> mappings(Conversion errors, @Nullable List<@Nullable FieldMappingDto> dtos) {
        return list(errors, "mappings", dtos, (at, i) -> mapping(at, dtos.get(i)));
    }

    private static FieldMapping mapping(Conversion errors, FieldMappingDto dto) {
        Map<String, String> valueMap = new LinkedHashMap<>();
        if (dto.valueMap() != null) {
            dto.valueMap().forEach((from, to) -> {
                if (to == null) {
                    errors.add("valueMap." + from, "is null; expected the value to translate to");
                } else {
                    valueMap.put(from, to);
                }
            });
        }
        return new FieldMapping(dto.field(),
                errors.enumValue("sourceType", dto.sourceType(), ValueSourceType.class, "a value source type"),
                dto.value(), dto.reference(), dto.lookupMatchField(), dto.lookupReturnField(),
                errors.enumValue("nullRule", dto.nullRule(), NullRule.class, "a null rule"), valueMap,
                dto.defaultValue());
    }

    /** The converted items of a list; a null item is an error (a model list cannot hold one). */
    private static <D, M> List<M> list(Conversion errors, String field, @Nullable List<@Nullable D> dtos,
                                       BiFunction<Conversion, Integer, M> convert) {
        List<M> result = new ArrayList<>();
        if (dtos == null) {
            return result;
        }
        for (int i = 0; i < dtos.size(); i++) {
            if (dtos.get(i) == null) {
                errors.add(field + "[" + i + "]", "is required; expected an object");
            } else {
                result.add(convert.apply(errors.nested(field, i), i));
            }
        }
        return result;
    }

    private static List<String> strings(Conversion errors, String field, @Nullable List<@Nullable String> values) {
        List<String> result = new ArrayList<>();
        if (values == null) {
            return result;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                errors.add(field + "[" + i + "]", "is required; expected a string");
            } else {
                result.add(values.get(i));
            }
        }
        return result;
    }

    private static boolean orDefault(@Nullable Boolean value, boolean fallback) {
        return value != null ? value : fallback;
    }

    /** A label left out defaults to the API name; an empty one stays, for the validator to refuse. */
    private static @Nullable String labelOf(@Nullable String label, @Nullable String apiName) {
        return label != null ? label : apiName;
    }
}
