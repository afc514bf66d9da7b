package org.openpayloads.org.data;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.openpayloads.org.db.RecordEntity;
import org.openpayloads.org.db.RecordKeyEntity;
import org.openpayloads.org.db.TxRunner;
import org.openpayloads.org.id.SalesforceId;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.ObjectDefinition;
import org.openpayloads.org.schema.SchemaSnapshot;

/**
 * Writes a batch of records in one transaction: resolve targets, merge and check everything, then write
 * what passed (or nothing, with allOrNone). Each step handles the whole batch with a few statements. If the
 * transaction loses a race (another writer took a unique key first), it runs again from the start.
 */
public final class WriteEngine {

    private final RecordRepository repository;
    private final TargetResolver resolver;
    private final WriteChecks checks;
    private final Clock clock;

    public WriteEngine(RecordRepository repository, Clock clock) {
        this.repository = repository;
        this.resolver = new TargetResolver(repository);
        this.checks = new WriteChecks(repository);
        this.clock = clock;
    }

    /** Writes the ops; results are in the ops' order. */
    public List<WriteResult> write(SchemaSnapshot schema, List<WriteOp> ops, boolean allOrNone, String actorId,
                                   TxRunner tx) {
        return tx.write(session -> attempt(session, schema, ops, allOrNone, actorId));
    }

    private List<WriteResult> attempt(Session session, SchemaSnapshot schema, List<WriteOp> ops, boolean allOrNone,
                                      String actorId) {
        List<Slot> slots = ops.stream().map(Slot::new).toList();
        resolver.resolve(session, schema, slots);
        slots.stream().filter(Slot::ok).forEach(slot -> checks.merge(slot, actorId));
        Map<ObjectDefinition, List<Slot>> byObject = slots.stream().collect(Collectors.groupingBy(s -> s.op.object(),
                LinkedHashMap::new, Collectors.toList()));
        byObject.values().forEach(group -> checks.unique(session, group));
        checks.references(session, schema, slots);
        boolean anyFailed = slots.stream().anyMatch(s -> !s.ok());
        if (allOrNone && anyFailed) {
            return slots.stream().map(s -> s.ok() ? WriteResult.failed(null, List.of(SfError.rolledBack()), List.of())
                    : WriteResult.failed(null, s.errors, s.matches)).toList();
        }
        List<Slot> writable = slots.stream().filter(Slot::ok).toList();
        store(session, writable, actorId);
        return slots.stream().map(s -> s.ok() ? WriteResult.ok(s.entity.sfId, s.op.kind() == WriteOp.Kind.UPSERT
                ? s.creating() : null) : WriteResult.failed(null, s.errors, s.matches)).toList();
    }

    private void store(Session session, List<Slot> slots, String actorId) {
        Instant now = clock.instant();
        List<Slot> updates = new ArrayList<>();
        Map<Slot, Boolean> created = new HashMap<>();
        for (Slot slot : slots) {
            created.put(slot, slot.entity == null);
            if (slot.entity == null) {
                RecordEntity entity = new RecordEntity();
                entity.id = repository.nextRowId(session);
                entity.sfId = SalesforceId.of(slot.op.object().keyPrefix(), entity.id).value();
                entity.objectName = slot.op.object().name();
                entity.createdById = actorId;
                entity.createdDate = now;
                if (slot.op.object().custom()) {
                    slot.merged.putIfAbsent("Name", entity.sfId);
                }
                fill(entity, slot, actorId, now);
                session.persist(entity);
                slot.entity = entity;
            } else {
                fill(slot.entity, slot, actorId, now);
                updates.add(slot);
            }
        }
        syncKeys(session, slots, updates, created);
        // Slot.creating() reads entity == null; keep the answer for the results.
        slots.forEach(slot -> slot.created = created.get(slot));
    }

    private static void fill(RecordEntity entity, Slot slot, String actorId, Instant now) {
        entity.data = RecordCodec.encode(slot.merged);
        entity.ownerId = slot.ownerId;
        entity.lastModifiedById = actorId;
        entity.lastModifiedDate = now;
        entity.systemModstamp = now;
    }

    /** Brings each record's index rows in line with its values: removals first, so a value can move records. */
    private void syncKeys(Session session, List<Slot> slots, List<Slot> updates, Map<Slot, Boolean> created) {
        Map<Long, List<RecordKeyEntity>> existing = repository.keysOf(session, updates.stream()
                .map(s -> s.entity.id).toList()).stream().collect(Collectors.groupingBy(k -> k.record.id));
        List<RecordKeyEntity> toInsert = new ArrayList<>();
        boolean removed = false;
        for (Slot slot : slots) {
            RecordEntity entity = slot.entity;
            Map<String, RecordKeyEntity> desired = desiredKeys(slot.op.object(), entity, slot.merged);
            for (RecordKeyEntity old : created.get(slot) ? List.<RecordKeyEntity>of()
                    : existing.getOrDefault(entity.id, List.of())) {
                if (desired.remove(signature(old)) == null) {
                    session.remove(old);
                    removed = true;
                }
            }
            toInsert.addAll(desired.values());
        }
        if (removed) {
            session.flush();
        }
        toInsert.forEach(session::persist);
    }

    private static Map<String, RecordKeyEntity> desiredKeys(ObjectDefinition object, RecordEntity entity,
                                                            Map<String, Object> values) {
        Map<String, RecordKeyEntity> keys = new HashMap<>();
        for (FieldDefinition field : object.fields()) {
            FieldDefinition.IndexKind kind = field.indexKind();
            Object value = values.get(field.name());
            if (kind == FieldDefinition.IndexKind.NONE || value == null) {
                continue;
            }
            RecordKeyEntity key = new RecordKeyEntity();
            key.record = entity;
            key.objectName = object.name();
            key.fieldName = field.name();
            key.normValue = Values.normalize(field, value);
            key.slot = kind == FieldDefinition.IndexKind.UNIQUE ? 0 : entity.id;
            keys.put(signature(key), key);
        }
        return keys;
    }

    private static String signature(RecordKeyEntity key) {
        return key.fieldName + '\u0000' + key.normValue + '\u0000' + key.slot;
    }
}
