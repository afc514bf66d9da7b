package org.openpayloads.org.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.openpayloads.org.db.RecordEntity;
import org.openpayloads.org.db.RecordKeyEntity;

/**
 * The queries records are read with. Each takes many values at once (split into chunks of bounded size),
 * so that a collection of 200 records costs a handful of statements, not hundreds.
 *
 * <p>The queries that every write runs are native SQL: Hibernate translates a query with a list parameter
 * anew on each run, which cost more than the database's own work.
 */
public final class RecordRepository {

    static final int CHUNK = 500;
    private static final int ID_BLOCK = 50;

    private long nextRowId;
    private long lastRowId = -1;

    /** A hit in the record index: the record's row id and Salesforce id under one indexed value. */
    public record KeyHit(String normValue, long rowId, String sfId) {
    }

    public List<RecordEntity> bySfIds(Session session, Collection<String> sfIds) {
        return chunked(sfIds, chunk -> session.createNativeQuery("select r.* from org_record r where r.sf_id in (:ids)",
                RecordEntity.class).setParameterList("ids", chunk).getResultList());
    }

    public List<RecordEntity> byRowIds(Session session, Collection<Long> rowIds) {
        return chunked(rowIds, chunk -> session.createNativeQuery("select r.* from org_record r where r.id in (:ids) "
                + "order by r.id", RecordEntity.class).setParameterList("ids", chunk).getResultList());
    }

    public List<KeyHit> keyHits(Session session, String objectName, String fieldName, Collection<String> norms) {
        return chunked(norms, chunk -> session.createNativeQuery("select k.norm_value, r.id, r.sf_id from "
                        + "org_record_key k join org_record r on r.id = k.record_id where k.object_name = :o "
                        + "and k.field_name = :f and k.norm_value in (:v) order by r.id", Object[].class)
                .setParameter("o", objectName).setParameter("f", fieldName).setParameterList("v", chunk)
                .getResultList().stream()
                .map(row -> new KeyHit((String) row[0], ((Number) row[1]).longValue(), (String) row[2])).toList());
    }

    public List<RecordKeyEntity> keysOf(Session session, Collection<Long> rowIds) {
        return chunked(rowIds, chunk -> session.createNativeQuery("select k.* from org_record_key k "
                + "where k.record_id in (:ids)", RecordKeyEntity.class).setParameterList("ids", chunk).getResultList());
    }

    /** Every record of an object, in the order they were made. */
    public List<RecordEntity> allOf(Session session, String objectName) {
        return session.createSelectionQuery("from RecordEntity r where r.objectName = :o order by r.id",
                RecordEntity.class).setParameter("o", objectName).getResultList();
    }

    public long count(Session session, String objectName) {
        return session.createSelectionQuery("select count(r) from RecordEntity r where r.objectName = :o", Long.class)
                .setParameter("o", objectName).getSingleResult();
    }

    public void deleteRows(Session session, Collection<Long> rowIds) {
        chunked(rowIds, chunk -> {
            session.createMutationQuery("delete from RecordKeyEntity k where k.record.id in :ids")
                    .setParameter("ids", chunk).executeUpdate();
            session.createMutationQuery("delete from RecordEntity r where r.id in :ids")
                    .setParameter("ids", chunk).executeUpdate();
            return List.of();
        });
    }

    /**
     * The next row id, from the record sequence 50 at a time. Assigned before the insert because the
     * Salesforce id is made from it, and must be in the row when it is first written.
     */
    public synchronized long nextRowId(Session session) {
        if (lastRowId < 0 || nextRowId > lastRowId) {
            String sql = session.getFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect()
                    .getSequenceSupport().getSequenceNextValString("org_record_seq");
            long first = ((Number) session.createNativeQuery(sql, Long.class).getSingleResult()).longValue();
            nextRowId = first;
            lastRowId = first + ID_BLOCK - 1;
        }
        return nextRowId++;
    }

    private static <T, R> List<R> chunked(Collection<T> values, Function<List<T>, List<R>> query) {
        if (values.isEmpty()) {
            return List.of();
        }
        List<T> all = new ArrayList<>(values);
        if (all.size() <= CHUNK) {
            return query.apply(all);
        }
        List<R> results = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            results.addAll(query.apply(all.subList(from, Math.min(all.size(), from + CHUNK))));
        }
        return results;
    }
}
