package org.openpayloads.org.data;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.openpayloads.org.db.RecordEntity;
import org.openpayloads.org.db.RecordKeyEntity;

/**
 * The queries records are read with. Each takes many values at once (split into chunks of bounded size),
 * so that a collection of 200 records costs a handful of statements, not hundreds.
 *
 * <p>The queries that every write runs avoid Hibernate's query translation, which costs more than the
 * database's own work: records are loaded by row id through {@link Session#findMultiple} (one prepared
 * loader, and the records the session holds already), and the index is read with plain JDBC on the
 * session's connection, after a flush, so that it sees the session's own writes as a query would.
 */
public final class RecordRepository {

    static final int CHUNK = 500;
    private static final int ID_BLOCK = 50;

    private long nextRowId;
    private long lastRowId = -1;

    /** A hit in the record index: the record's row id and Salesforce id under one indexed value. */
    public record KeyHit(String normValue, long rowId, String sfId) {
    }

    /** The records with these Salesforce ids, in row id order; unknown ids are left out. */
    public List<RecordEntity> bySfIds(Session session, Collection<String> sfIds) {
        List<Long> rowIds = chunked(sfIds, chunk -> select(session, "select id from org_record where sf_id in ("
                + marks(chunk.size()) + ")", chunk, row -> row.getLong(1)));
        return byRowIds(session, rowIds);
    }

    /** The records with these row ids, in row id order; unknown ids are left out. */
    public List<RecordEntity> byRowIds(Session session, Collection<Long> rowIds) {
        if (rowIds.isEmpty()) {
            return List.of();
        }
        List<Long> sorted = rowIds.stream().distinct().sorted().toList();
        return session.findMultiple(RecordEntity.class, sorted).stream().filter(Objects::nonNull).toList();
    }

    public List<KeyHit> keyHits(Session session, String objectName, String fieldName, Collection<String> norms) {
        return chunked(norms, chunk -> {
            List<Object> parameters = new ArrayList<>(chunk.size() + 2);
            parameters.add(objectName);
            parameters.add(fieldName);
            parameters.addAll(chunk);
            return select(session, "select k.norm_value, r.id, r.sf_id from org_record_key k join org_record r "
                    + "on r.id = k.record_id where k.object_name = ? and k.field_name = ? and k.norm_value in ("
                    + marks(chunk.size()) + ") order by r.id", parameters,
                    row -> new KeyHit(row.getString(1), row.getLong(2), row.getString(3)));
        });
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

    /** A read on the session's connection, after its pending writes are flushed. */
    private static <R> List<R> select(Session session, String sql, List<?> parameters, Row<R> row) {
        session.flush();
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                List<R> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(row.read(result));
                    }
                }
                return rows;
            }
        });
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    private interface Row<R> {
        R read(ResultSet row) throws SQLException;
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
