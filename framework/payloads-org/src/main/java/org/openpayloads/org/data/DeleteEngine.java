package org.openpayloads.org.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.openpayloads.org.db.RecordEntity;
import org.openpayloads.org.db.TxRunner;
import org.openpayloads.org.id.SalesforceId;
import org.openpayloads.org.schema.ChildRelationship;
import org.openpayloads.org.schema.ObjectDefinition;
import org.openpayloads.org.schema.SchemaSnapshot;

/**
 * Deletes records by id. Children by master-detail go with their parent; lookups to a deleted record are
 * cleared, as Salesforce does for a lookup without delete restrictions.
 */
public final class DeleteEngine {

    private static final int MAX_DEPTH = 10;

    private final RecordRepository repository;

    public DeleteEngine(RecordRepository repository) {
        this.repository = repository;
    }

    /**
     * @param ids as given: 15 or 18 characters; a bad one fails with MALFORMED_ID
     * @param objectName the object the ids must belong to, or empty for any
     */
    public List<WriteResult> delete(SchemaSnapshot schema, List<String> ids, Optional<String> objectName,
                                    boolean allOrNone, TxRunner tx) {
        return tx.write(session -> attempt(session, schema, ids, objectName, allOrNone));
    }

    private List<WriteResult> attempt(Session session, SchemaSnapshot schema, List<String> ids,
                                      Optional<String> objectName, boolean allOrNone) {
        List<List<SfError>> errors = new ArrayList<>();
        List<String> canonical = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String raw : ids) {
            List<SfError> own = new ArrayList<>();
            Optional<SalesforceId> id = SalesforceId.parse(raw.trim());
            Optional<ObjectDefinition> object = id.flatMap(i -> schema.byKeyPrefix(i.keyPrefix()));
            if (id.isEmpty() || object.isEmpty()
                    || objectName.isPresent() && !object.get().name().equals(objectName.get())) {
                own.add(SfError.of("MALFORMED_ID", "malformed id " + raw));
            } else if (seen.merge(id.get().value(), 1, Integer::sum) > 1) {
                own.add(SfError.of("DUPLICATE_VALUE", "Duplicate id in list: " + id.get().value()));
            }
            errors.add(own);
            canonical.add(id.map(SalesforceId::value).orElse(raw));
        }
        Map<String, RecordEntity> found = repository.bySfIds(session, canonical).stream()
                .collect(Collectors.toMap(r -> r.sfId, Function.identity()));
        for (int i = 0; i < canonical.size(); i++) {
            if (errors.get(i).isEmpty() && !found.containsKey(canonical.get(i))) {
                errors.get(i).add(SfError.of("ENTITY_IS_DELETED", "entity is deleted"));
            }
        }
        boolean anyFailed = errors.stream().anyMatch(e -> !e.isEmpty());
        if (allOrNone && anyFailed) {
            return errors.stream().map(e -> WriteResult.failed(null, e.isEmpty() ? List.of(SfError.rolledBack()) : e,
                    List.of())).toList();
        }
        List<RecordEntity> doomed = new ArrayList<>();
        for (int i = 0; i < canonical.size(); i++) {
            if (errors.get(i).isEmpty()) {
                doomed.add(found.get(canonical.get(i)));
            }
        }
        remove(session, schema, doomed);
        List<WriteResult> results = new ArrayList<>();
        for (int i = 0; i < canonical.size(); i++) {
            results.add(errors.get(i).isEmpty() ? WriteResult.ok(canonical.get(i), null)
                    : WriteResult.failed(null, errors.get(i), List.of()));
        }
        return results;
    }

    private void remove(Session session, SchemaSnapshot schema, List<RecordEntity> records) {
        Set<Long> rows = new LinkedHashSet<>();
        List<RecordEntity> level = records;
        for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
            level.forEach(r -> rows.add(r.id));
            level = children(session, schema, level, rows);
        }
        repository.deleteRows(session, rows);
    }

    /** The master-detail children of the records to delete; clears lookups to them on the way. */
    private List<RecordEntity> children(Session session, SchemaSnapshot schema, List<RecordEntity> parents,
                                        Set<Long> doomed) {
        Map<String, List<String>> idsByObject = new LinkedHashMap<>();
        parents.forEach(p -> idsByObject.computeIfAbsent(p.objectName, k -> new ArrayList<>()).add(p.sfId));
        List<RecordEntity> cascade = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : idsByObject.entrySet()) {
            for (ChildRelationship child : schema.childRelationships(entry.getKey())) {
                List<Long> childRows = repository.keyHits(session, child.childObject(), child.field(),
                        entry.getValue()).stream().map(RecordRepository.KeyHit::rowId)
                        .filter(row -> !doomed.contains(row)).distinct().toList();
                List<RecordEntity> found = repository.byRowIds(session, childRows);
                if (child.cascadeDelete()) {
                    cascade.addAll(found);
                } else {
                    clear(session, schema, found, child);
                }
            }
        }
        return cascade;
    }

    private static void clear(Session session, SchemaSnapshot schema, List<RecordEntity> children,
                              ChildRelationship child) {
        ObjectDefinition object = schema.object(child.childObject()).orElseThrow();
        for (RecordEntity record : children) {
            Map<String, Object> values = new HashMap<>(RecordCodec.decode(record.data, object));
            values.remove(child.field());
            record.data = RecordCodec.encode(values);
        }
        if (!children.isEmpty()) {
            session.createMutationQuery("delete from RecordKeyEntity k where k.objectName = :o and k.fieldName = :f "
                    + "and k.record.id in :ids").setParameter("o", child.childObject())
                    .setParameter("f", child.field()).setParameter("ids", children.stream().map(r -> r.id).toList())
                    .executeUpdate();
        }
    }
}
