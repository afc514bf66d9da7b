package org.openpayloads.org.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.openpayloads.org.data.RecordCodec;
import org.openpayloads.org.data.RecordRepository;
import org.openpayloads.org.data.Values;
import org.openpayloads.org.db.RecordEntity;
import org.openpayloads.org.id.SalesforceId;
import org.openpayloads.org.schema.FieldDefinition;
import org.openpayloads.org.schema.FieldType;
import org.openpayloads.org.schema.ObjectDefinition;
import org.openpayloads.org.schema.SchemaSnapshot;

/** One execution of a plan: candidates, their parents in bulk, filter, order, offset and limit. */
final class QueryRun {

    private final Session session;
    private final RecordRepository repository;
    private final ObjectDefinition object;
    private final QueryPlan plan;
    private final ParentLoader parents;

    QueryRun(Session session, RecordRepository repository, SchemaSnapshot schema, ObjectDefinition object,
             QueryPlan plan) {
        this.session = session;
        this.repository = repository;
        this.object = object;
        this.plan = plan;
        this.parents = new ParentLoader(session, repository, schema);
    }

    List<RecordRow> rows() {
        List<RecordRow> candidates = candidates().stream()
                .map(e -> new RecordRow(RecordCodec.record(e, object), object, parents)).toList();
        prefetchParents(candidates);
        List<RecordRow> matching = new ArrayList<>();
        for (RecordRow row : candidates) {
            if (plan.matches(row)) {
                matching.add(row);
            }
        }
        // List.sort is stable: records that compare equal keep the order they were made in.
        matching.sort(plan.ordering()::compare);
        int from = Math.min(matching.size(), plan.offset().orElse(0));
        int to = plan.limit().isPresent() ? Math.min(matching.size(), from + plan.limit().getAsInt())
                : matching.size();
        return matching.subList(from, to);
    }

    /** The records an equality on an indexed field (or Id) points at, else every record of the object. */
    private List<RecordEntity> candidates() {
        for (QueryPlan.Hint hint : plan.equalityHints()) {
            if (hint.value() == null) {
                continue;
            }
            Optional<FieldDefinition> field = object.field(hint.field());
            if (field.isEmpty()) {
                continue;
            }
            if (field.get().name().equals("Id")) {
                return SalesforceId.parse(hint.value().toString()).map(id -> repository.bySfIds(session,
                        List.of(id.value()))).orElse(List.of()).stream()
                        .filter(r -> r.objectName.equals(object.name())).toList();
            }
            if (field.get().indexKind() != FieldDefinition.IndexKind.NONE) {
                Object value = hint.value();
                if (field.get().type() == FieldType.REFERENCE) {
                    // References are indexed in their 18-character form; a 15-character literal means the same.
                    Optional<SalesforceId> id = SalesforceId.parse(value.toString());
                    if (id.isEmpty()) {
                        continue;
                    }
                    value = id.get().value();
                }
                String norm = Values.normalize(field.get(), value);
                List<Long> rows = repository.keyHits(session, object.name(), field.get().name(), List.of(norm))
                        .stream().map(RecordRepository.KeyHit::rowId).distinct().toList();
                return repository.byRowIds(session, rows);
            }
        }
        return repository.allOf(session, object.name());
    }

    private void prefetchParents(List<RecordRow> rows) {
        Set<String> relationships = plan.relationshipsUsed().stream()
                .map(r -> r.contains(".") ? r.substring(0, r.indexOf('.')) : r)
                .map(r -> r.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (String relationship : relationships) {
            object.relationship(relationship).ifPresent(field -> parents.prefetch(rows.stream()
                    .map(row -> row.record().value(field.name())).filter(Objects::nonNull).map(Object::toString)
                    .collect(Collectors.toSet())));
        }
    }
}
