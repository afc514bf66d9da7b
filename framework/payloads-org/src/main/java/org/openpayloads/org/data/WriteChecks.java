package org.openpayloads.org.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.openpayloads.org.db.RecordEntity;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.FieldType;
import org.openpayloads.org.schema.ObjectDefinition;
import org.openpayloads.org.schema.SchemaSnapshot;

/**
 * What a batch must satisfy before anything is written: merged values with required fields present, unique
 * values not taken by another record, and references pointing at existing records of the right object.
 */
final class WriteChecks {

    private final RecordRepository repository;

    WriteChecks(RecordRepository repository) {
        this.repository = repository;
    }

    /** The values after the write: the stored ones with the body's on top, plus defaults and computed ones. */
    void merge(Slot slot, String actorId) {
        ObjectDefinition object = slot.op.object();
        RecordEntity entity = slot.entity;
        slot.before = entity == null ? Map.of() : RecordCodec.decode(entity.data, object);
        Map<String, Object> merged = new HashMap<>(slot.before);
        slot.op.input().values().forEach((name, value) -> {
            if (value == null) {
                merged.remove(name);
            } else {
                merged.put(name, value);
            }
        });
        WriteOp op = slot.op;
        // The key keeps its stored spelling when it matched without case; a new record takes the given one.
        if (op.kind() == WriteOp.Kind.UPSERT && op.keyField() != null && op.keyValue() != null
                && !op.keyField().name().equals("Id") && entity == null) {
            merged.put(op.keyField().name(), op.keyValue());
        }
        merged.putAll(slot.foreignIds);
        Object owner = merged.remove("OwnerId");
        slot.ownerId = owner != null ? owner.toString() : entity != null ? entity.ownerId : actorId;
        if (entity == null) {
            object.fields().stream().filter(f -> f.type() == FieldType.BOOLEAN && !f.system())
                    .forEach(f -> merged.putIfAbsent(f.name(), Boolean.FALSE));
        }
        computeName(object, merged);
        slot.merged = merged;
        List<String> missing = object.fields().stream().filter(FieldDefinition::required)
                .filter(f -> merged.get(f.name()) == null).map(FieldDefinition::name).toList();
        if (!missing.isEmpty()) {
            slot.fail(new SfError("REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing));
        }
    }

    private static void computeName(ObjectDefinition object, Map<String, Object> merged) {
        boolean computed = object.field("Name").map(FieldDefinition::system).orElse(false)
                && object.field("LastName").isPresent();
        if (computed) {
            Object first = merged.get("FirstName");
            Object last = merged.get("LastName");
            String name = ((first == null ? "" : first + " ") + (last == null ? "" : last)).trim();
            if (name.isEmpty()) {
                merged.remove("Name");
            } else {
                merged.put("Name", name);
            }
        }
    }

    /** Refuses a unique value that another record has, or that two records of the batch share. */
    void unique(Session session, List<Slot> slots) {
        if (slots.isEmpty()) {
            return;
        }
        ObjectDefinition object = slots.get(0).op.object();
        for (FieldDefinition field : object.fields()) {
            if (field.indexKind() != FieldDefinition.IndexKind.UNIQUE) {
                continue;
            }
            Map<String, List<Slot>> byNorm = new LinkedHashMap<>();
            for (Slot slot : slots) {
                Object value = slot.merged.get(field.name());
                // An upsert's own key was looked up already; a writer racing for it trips the unique constraint
                // at flush, and the retry finds the winner's record.
                boolean ownKey = slot.op.keyField() != null && slot.op.keyField().name().equals(field.name())
                        && value != null && slot.op.keyValue() != null
                        && Values.normalize(field, value).equals(Values.normalize(field, slot.op.keyValue()));
                if (slot.ok() && value != null && !ownKey && !value.equals(slot.before.get(field.name()))) {
                    byNorm.computeIfAbsent(Values.normalize(field, value), k -> new ArrayList<>()).add(slot);
                }
            }
            byNorm.forEach((norm, list) -> list.stream().skip(1).forEach(slot -> slot.fail(duplicate(field,
                    "another record of this request"))));
            if (byNorm.isEmpty()) {
                continue;
            }
            for (RecordRepository.KeyHit hit : repository.keyHits(session, object.name(), field.name(),
                    byNorm.keySet())) {
                for (Slot slot : byNorm.getOrDefault(hit.normValue(), List.of())) {
                    boolean self = slot.entity != null && Objects.equals(slot.entity.id, hit.rowId());
                    if (!self && slot.ok()) {
                        slot.fail(duplicate(field, hit.sfId()));
                    }
                }
            }
        }
    }

    private static SfError duplicate(FieldDefinition field, String other) {
        return SfError.of("DUPLICATE_VALUE", "duplicate value found: " + field.name() + " duplicates value on record "
                + "with id: " + other, field.name());
    }

    /** Refuses references to a record of another object, or to one that does not exist. */
    void references(Session session, SchemaSnapshot schema, List<Slot> slots) {
        Map<String, List<Slot>> byId = new LinkedHashMap<>();
        Map<Slot, Map<String, FieldDefinition>> fieldsOf = new HashMap<>();
        for (Slot slot : slots) {
            if (!slot.ok()) {
                continue;
            }
            for (FieldDefinition field : slot.op.object().fields()) {
                Object value = field.name().equals("OwnerId") ? slot.ownerId : slot.merged.get(field.name());
                Object before = field.name().equals("OwnerId") && slot.entity != null ? slot.entity.ownerId
                        : slot.before.get(field.name());
                if (field.type() != FieldType.REFERENCE || value == null || value.equals(before)
                        || field.referenceTo() == null || field.system() && !field.name().equals("OwnerId")) {
                    continue;
                }
                String id = value.toString();
                String prefix = schema.object(field.referenceTo()).map(ObjectDefinition::keyPrefix).orElse("");
                if (!id.startsWith(prefix)) {
                    slot.fail(SfError.of("FIELD_INTEGRITY_EXCEPTION", field.label() + ": id value of incorrect type: "
                            + id, field.name()));
                    continue;
                }
                byId.computeIfAbsent(id, k -> new ArrayList<>()).add(slot);
                fieldsOf.computeIfAbsent(slot, k -> new HashMap<>()).put(id, field);
            }
        }
        Set<String> existing = repository.bySfIds(session, byId.keySet()).stream().map(r -> r.sfId)
                .collect(Collectors.toSet());
        byId.forEach((id, list) -> {
            if (!existing.contains(id)) {
                list.stream().filter(Slot::ok).forEach(slot -> slot.fail(SfError.of("INVALID_CROSS_REFERENCE_KEY",
                        "invalid cross reference id", fieldsOf.get(slot).get(id).name())));
            }
        });
    }
}
