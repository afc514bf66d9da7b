package org.openpayloads.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConflictException;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.FieldMapping;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.Source;
import org.openpayloads.engine.model.Target;
import org.openpayloads.store.entity.ElementEntity;
import org.openpayloads.store.entity.FieldMappingEntity;
import org.openpayloads.store.entity.PayloadEntity;
import org.openpayloads.store.entity.SourceEntity;
import org.openpayloads.store.entity.TargetEntity;

/**
 * A payload's tree: its elements, targets, sources and their mappings. Loads the trees of many payloads
 * in four queries, writes a tree parents first, and removes one children first, so that the foreign
 * keys hold at every statement and the audit records each row.
 */
final class PayloadTrees {

    /** Records of the given payloads, in the given order, with their trees. */
    List<Payload> load(Session session, List<PayloadEntity> payloads) {
        if (payloads.isEmpty()) {
            return List.of();
        }
        Parts parts = Parts.query(session, payloads);
        Map<Long, List<FieldMapping>> targetMappings = new HashMap<>();
        Map<Long, List<FieldMapping>> sourceMappings = new HashMap<>();
        for (FieldMappingEntity mapping : parts.mappings()) {
            Long targetId = mapping.getTargetId();
            Map<Long, List<FieldMapping>> owners = targetId != null ? targetMappings : sourceMappings;
            Long owner = targetId != null ? targetId : mapping.getSourceId();
            owners.computeIfAbsent(owner, id -> new ArrayList<>()).add(mapping.toRecord());
        }
        Map<Long, List<ElementEntity>> elements = groupByPayload(parts.elements(), ElementEntity::getPayload);
        Map<Long, List<TargetEntity>> targets = groupByPayload(parts.targets(), TargetEntity::getPayload);
        Map<Long, List<SourceEntity>> sources = groupByPayload(parts.sources(), SourceEntity::getPayload);
        List<Payload> records = new ArrayList<>(payloads.size());
        for (PayloadEntity payload : payloads) {
            Long id = payload.getId();
            records.add(payload.toRecord(
                    elementTree(elements.getOrDefault(id, List.of())),
                    targets.getOrDefault(id, List.of()).stream()
                            .map(t -> t.toRecord(targetMappings.getOrDefault(t.getId(), List.of()))).toList(),
                    sources.getOrDefault(id, List.of()).stream()
                            .map(s -> s.toRecord(sourceMappings.getOrDefault(s.getId(), List.of()))).toList()));
        }
        return records;
    }

    /**
     * Persists the payload's tree under {@code owner}: parents before children, owners before mappings.
     * Elements go in one flush per tree level: Hibernate cannot order the inserts of rows that point at
     * rows of their own table in the same flush, and would warn and fall back to the unsorted order.
     */
    void insert(Session session, PayloadEntity owner, Payload payload) {
        requireUniqueNames(payload);
        List<List<ElementEntity>> levels = new ArrayList<>();
        int[] position = {0};
        for (Element root : payload.elements()) {
            collectElements(owner, null, root, 0, position, levels);
        }
        for (List<ElementEntity> level : levels) {
            level.forEach(session::persist);
            session.flush();
        }
        for (int i = 0; i < payload.targets().size(); i++) {
            Target target = payload.targets().get(i);
            TargetEntity entity = new TargetEntity(owner, i, target);
            session.persist(entity);
            for (int m = 0; m < target.mappings().size(); m++) {
                session.persist(FieldMappingEntity.ofTarget(entity, m, target.mappings().get(m)));
            }
        }
        for (int i = 0; i < payload.sources().size(); i++) {
            Source source = payload.sources().get(i);
            SourceEntity entity = new SourceEntity(owner, i, source);
            session.persist(entity);
            for (int m = 0; m < source.mappings().size(); m++) {
                session.persist(FieldMappingEntity.ofSource(entity, m, source.mappings().get(m)));
            }
        }
    }

    /**
     * Removes the trees of the given payloads, mappings first and each element after its children, then
     * flushes, so that new rows with the same names can follow in the same transaction.
     */
    void removeParts(Session session, List<PayloadEntity> payloads) {
        if (payloads.isEmpty()) {
            return;
        }
        Parts parts = Parts.query(session, payloads);
        parts.mappings().forEach(session::remove);
        parts.targets().forEach(session::remove);
        parts.sources().forEach(session::remove);
        // Rows come in depth-first order per payload, so the reverse removes every child before its parent.
        List<ElementEntity> elements = new ArrayList<>(parts.elements());
        Collections.reverse(elements);
        elements.forEach(session::remove);
        session.flush();
    }

    /** Walks the tree depth first, numbering the nodes in that order, and sorts them into levels. */
    private static void collectElements(PayloadEntity owner, @Nullable ElementEntity parent, Element element,
                                        int depth, int[] position, List<List<ElementEntity>> levels) {
        ElementEntity entity = new ElementEntity(owner, parent, position[0]++, element);
        if (levels.size() == depth) {
            levels.add(new ArrayList<>());
        }
        levels.get(depth).add(entity);
        for (Element child : element.children()) {
            collectElements(owner, entity, child, depth + 1, position, levels);
        }
    }

    /** Rebuilds the tree from rows in depth-first order, where each parent comes before its children. */
    private static List<Element> elementTree(List<ElementEntity> rows) {
        Map<Long, List<Element>> children = new HashMap<>();
        // Walk backwards: every child is then built before its parent, which takes the finished list.
        List<Element> roots = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0; i--) {
            ElementEntity row = rows.get(i);
            List<Element> own = children.getOrDefault(row.getId(), List.of());
            Element element = row.toRecord(reversed(own));
            Long parentId = row.getParentId();
            if (parentId == null) {
                roots.add(element);
            } else {
                children.computeIfAbsent(parentId, id -> new ArrayList<>()).add(element);
            }
        }
        return reversed(roots);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static <T> Map<Long, List<T>> groupByPayload(Collection<T> rows,
                                                        Function<T, PayloadEntity> payload) {
        Map<Long, List<T>> grouped = new LinkedHashMap<>();
        for (T row : rows) {
            grouped.computeIfAbsent(payload.apply(row).getId(), id -> new ArrayList<>()).add(row);
        }
        return grouped;
    }

    private static void requireUniqueNames(Payload payload) {
        Set<String> targets = new HashSet<>();
        for (Target target : payload.targets()) {
            if (!targets.add(target.apiName())) {
                throw new ConflictException("targets", "Target '" + target.apiName() + "' appears twice in payload '"
                        + payload.apiName() + "'; expected unique target API names");
            }
        }
        Set<String> sources = new HashSet<>();
        for (Source source : payload.sources()) {
            if (!sources.add(source.apiName())) {
                throw new ConflictException("sources", "Source '" + source.apiName() + "' appears twice in payload '"
                        + payload.apiName() + "'; expected unique source API names");
            }
        }
    }

    /** The rows of some payloads' trees, each list in stored order. */
    private record Parts(List<ElementEntity> elements, List<TargetEntity> targets, List<SourceEntity> sources,
                         List<FieldMappingEntity> mappings) {

        static Parts query(Session session, List<PayloadEntity> payloads) {
            List<Long> ids = payloads.stream().map(PayloadEntity::getId).toList();
            List<ElementEntity> elements = session.createSelectionQuery(
                            "from ElementEntity where payload.id in :ids order by payload.id, position",
                            ElementEntity.class)
                    .setParameter("ids", ids).getResultList();
            List<TargetEntity> targets = session.createSelectionQuery(
                            "from TargetEntity where payload.id in :ids order by payload.id, position",
                            TargetEntity.class)
                    .setParameter("ids", ids).getResultList();
            List<SourceEntity> sources = session.createSelectionQuery(
                            "from SourceEntity where payload.id in :ids order by payload.id, position",
                            SourceEntity.class)
                    .setParameter("ids", ids).getResultList();
            List<FieldMappingEntity> mappings = session.createSelectionQuery(
                            "select m from FieldMappingEntity m left join m.target t left join m.source s "
                                    + "where t.payload.id in :ids or s.payload.id in :ids order by m.position",
                            FieldMappingEntity.class)
                    .setParameter("ids", ids).getResultList();
            return new Parts(elements, targets, sources, mappings);
        }
    }
}

