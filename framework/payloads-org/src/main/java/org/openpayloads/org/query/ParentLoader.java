package org.openpayloads.org.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.openpayloads.org.data.RecordCodec;
import org.openpayloads.org.data.RecordRepository;
import org.openpayloads.org.db.RecordEntity;
import org.openpayloads.org.schema.SchemaSnapshot;

/**
 * Loads parent records for one query, each once. The query prefetches the parents of all candidates in one
 * statement per relationship; anything further (a grandparent) is loaded on first use.
 */
final class ParentLoader {

    private final Session session;
    private final RecordRepository repository;
    private final SchemaSnapshot schema;
    private final Map<String, Optional<RecordRow>> cache = new HashMap<>();

    ParentLoader(Session session, RecordRepository repository, SchemaSnapshot schema) {
        this.session = session;
        this.repository = repository;
        this.schema = schema;
    }

    Optional<RecordRow> load(String objectName, String id) {
        Optional<RecordRow> cached = cache.get(id);
        if (cached == null) {
            prefetch(Set.of(id));
            cached = cache.getOrDefault(id, Optional.empty());
        }
        return cached.filter(row -> row.object().name().equals(objectName));
    }

    void prefetch(Collection<String> ids) {
        Set<String> missing = new HashSet<>();
        ids.stream().filter(id -> !cache.containsKey(id)).forEach(missing::add);
        if (missing.isEmpty()) {
            return;
        }
        for (RecordEntity entity : repository.bySfIds(session, missing)) {
            schema.object(entity.objectName).ifPresent(object -> cache.put(entity.sfId, Optional.of(
                    new RecordRow(RecordCodec.record(entity, object), object, this))));
        }
        missing.forEach(id -> cache.putIfAbsent(id, Optional.empty()));
    }
}
