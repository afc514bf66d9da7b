package org.openpayloads.org.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.openpayloads.org.db.RecordEntity;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.SchemaSnapshot;

/**
 * Finds the record each op writes to: by Id for updates, by key for upserts (one index query per key field
 * for the whole batch), and the parents of references given by external id.
 */
final class TargetResolver {

    private final RecordRepository repository;

    TargetResolver(RecordRepository repository) {
        this.repository = repository;
    }

    void resolve(Session session, SchemaSnapshot schema, List<Slot> slots) {
        byId(session, slots);
        byKey(session, slots);
        foreignKeys(session, schema, slots);
    }

    private void byId(Session session, List<Slot> slots) {
        Map<String, List<Slot>> wanted = new LinkedHashMap<>();
        for (Slot slot : slots) {
            String id = idOf(slot);
            if (slot.ok() && id != null) {
                if (!id.startsWith(slot.op.object().keyPrefix())) {
                    slot.fail(SfError.of("MALFORMED_ID", slot.op.object().name() + " ID: id value of incorrect type: "
                            + id, "Id"));
                } else {
                    wanted.computeIfAbsent(id, k -> new ArrayList<>()).add(slot);
                }
            }
        }
        duplicates(wanted, id -> SfError.of("DUPLICATE_VALUE", "Duplicate id in list: " + id, "Id"));
        Map<String, RecordEntity> found = repository.bySfIds(session, wanted.keySet()).stream()
                .collect(Collectors.toMap(r -> r.sfId, Function.identity()));
        wanted.forEach((id, list) -> list.stream().filter(Slot::ok).forEach(slot -> {
            RecordEntity entity = found.get(id);
            if (entity == null) {
                slot.fail(slot.op.kind() == WriteOp.Kind.UPDATE ? SfError.of("ENTITY_IS_DELETED", "entity is deleted")
                        : SfError.of("NOT_FOUND", "Provided external ID field does not exist or is not accessible: "
                        + id));
            } else {
                slot.entity = entity;
            }
        }));
    }

    private static String idOf(Slot slot) {
        WriteOp op = slot.op;
        if (op.kind() == WriteOp.Kind.UPDATE) {
            return op.targetId();
        }
        boolean byId = op.kind() == WriteOp.Kind.UPSERT && op.keyField() != null
                && op.keyField().name().equals("Id");
        return byId && op.keyValue() != null ? op.keyValue().toString() : null;
    }

    private void byKey(Session session, List<Slot> slots) {
        Map<String, List<Slot>> byField = new LinkedHashMap<>();
        for (Slot slot : slots) {
            WriteOp op = slot.op;
            if (op.kind() != WriteOp.Kind.UPSERT || op.keyField() == null || op.keyField().name().equals("Id")
                    || !slot.ok()) {
                continue;
            }
            if (op.keyValue() == null) {
                slot.fail(SfError.of("MISSING_ARGUMENT", op.keyField().name() + " not specified", op.keyField().name()));
            } else {
                byField.computeIfAbsent(op.keyField().name(), k -> new ArrayList<>()).add(slot);
            }
        }
        for (List<Slot> group : byField.values()) {
            FieldDefinition field = Objects.requireNonNull(group.get(0).op.keyField());
            String objectName = group.get(0).op.object().name();
            Map<String, List<Slot>> byNorm = new LinkedHashMap<>();
            group.forEach(slot -> byNorm.computeIfAbsent(Values.normalize(field,
                    Objects.requireNonNull(slot.op.keyValue())), k -> new ArrayList<>()).add(slot));
            duplicates(byNorm, norm -> SfError.of("DUPLICATE_EXTERNAL_ID", "Duplicate external id specified: "
                    + byNorm.get(norm).get(0).op.keyValue(), field.name()));
            Map<String, List<RecordRepository.KeyHit>> hits = repository.keyHits(session, objectName, field.name(),
                    byNorm.keySet()).stream().collect(Collectors.groupingBy(RecordRepository.KeyHit::normValue));
            List<Long> rowIds = hits.values().stream().filter(h -> h.size() == 1).map(h -> h.get(0).rowId()).toList();
            Map<Long, RecordEntity> entities = repository.byRowIds(session, rowIds).stream()
                    .collect(Collectors.toMap(r -> r.id, Function.identity()));
            byNorm.forEach((norm, list) -> list.stream().filter(Slot::ok).forEach(slot -> {
                List<RecordRepository.KeyHit> matched = hits.getOrDefault(norm, List.of());
                if (matched.size() > 1) {
                    matched.forEach(h -> slot.matches.add(h.sfId()));
                    slot.fail(SfError.of("DUPLICATE_EXTERNAL_ID", field.name() + ": more than one record found for "
                            + "external id field: " + slot.matches, field.name()));
                } else if (matched.size() == 1) {
                    slot.entity = entities.get(matched.get(0).rowId());
                }
            }));
        }
    }

    private void foreignKeys(Session session, SchemaSnapshot schema, List<Slot> slots) {
        Map<String, Map<String, List<Slot>>> wanted = new LinkedHashMap<>();
        Map<String, FieldDefinition> keyFields = new HashMap<>();
        for (Slot slot : slots) {
            for (ParsedRecord.ForeignKey fk : slot.op.input().foreignKeys()) {
                FieldDefinition keyField = schema.object(fk.parentObject()).flatMap(o -> o.field(fk.keyField()))
                        .orElseThrow();
                String group = fk.parentObject() + "." + keyField.name();
                keyFields.put(group, keyField);
                wanted.computeIfAbsent(group, k -> new LinkedHashMap<>())
                        .computeIfAbsent(Values.normalize(keyField, fk.keyValue()), k -> new ArrayList<>()).add(slot);
            }
        }
        wanted.forEach((group, byNorm) -> {
            FieldDefinition keyField = keyFields.get(group);
            String parentObject = group.substring(0, group.indexOf('.'));
            Map<String, List<String>> found = keyField.name().equals("Id")
                    ? repository.bySfIds(session, byNorm.keySet()).stream().filter(r -> r.objectName.equals(parentObject))
                    .collect(Collectors.toMap(r -> r.sfId, r -> List.of(r.sfId)))
                    : repository.keyHits(session, parentObject, keyField.name(), byNorm.keySet()).stream().collect(
                    Collectors.groupingBy(RecordRepository.KeyHit::normValue, Collectors.mapping(
                            RecordRepository.KeyHit::sfId, Collectors.toList())));
            byNorm.forEach((norm, list) -> list.forEach(slot -> assign(slot, parentObject, keyField, norm,
                    found.getOrDefault(norm, List.of()))));
        });
    }

    private static void assign(Slot slot, String parentObject, FieldDefinition keyField, String norm,
                               List<String> parents) {
        for (ParsedRecord.ForeignKey fk : slot.op.input().foreignKeys()) {
            if (!fk.parentObject().equals(parentObject) || !fk.keyField().equals(keyField.name())
                    || !Values.normalize(keyField, fk.keyValue()).equals(norm)) {
                continue;
            }
            if (parents.size() == 1) {
                slot.foreignIds.put(fk.field().name(), parents.get(0));
            } else {
                slot.fail(SfError.of("INVALID_FIELD", "Foreign key external ID: " + fk.keyValue() + (parents.isEmpty()
                        ? " not found" : " matched " + parents.size() + " records") + " for field " + keyField.name()
                        + " in entity " + parentObject));
            }
        }
    }

    /** Fails every op that shares a key with another op of the batch. */
    private static void duplicates(Map<String, List<Slot>> grouped, Function<String, SfError> error) {
        grouped.forEach((key, list) -> {
            if (list.size() > 1) {
                list.forEach(slot -> slot.fail(error.apply(key)));
            }
        });
    }
}
