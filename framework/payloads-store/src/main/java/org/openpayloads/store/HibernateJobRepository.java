package org.openpayloads.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;
import org.openpayloads.api.ConflictException;
import org.openpayloads.engine.model.AttemptEnd;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.model.JobAttempt;
import org.openpayloads.engine.model.JobSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NewJob;
import org.openpayloads.engine.model.TargetResult;
import org.openpayloads.engine.port.JobQuery;
import org.openpayloads.engine.port.JobQueue;
import org.openpayloads.engine.port.JobRepository;
import org.openpayloads.engine.port.Page;
import org.openpayloads.store.entity.JobEntity;
import org.openpayloads.store.entity.JobResultEntity;

/**
 * Jobs, read through Hibernate; the {@link JdbcJobQueue} writes them. Numbers come from one database sequence
 * per direction, so they are unique across processes; a rolled-back job leaves a gap, which is fine for a
 * number people only read.
 */
final class HibernateJobRepository implements JobRepository {

    // A list item: every column but the request, which can be large and lists never show.
    private static final String LIST_COLUMNS = "select j.id, j.jobNumber, i.apiName, p.apiName, j.direction, "
            + "j.status, j.source, j.receivedAt, j.startedAt, j.finishedAt, j.attempts, j.recordsProcessed, "
            + "j.responseCode, j.error, j.replayOf, j.nextAttemptAt, j.dedupeKey, j.orderingKey";

    private final Transactions transactions;
    private final JobQueue queue;

    HibernateJobRepository(Transactions transactions, JobQueue queue) {
        this.transactions = transactions;
        this.queue = queue;
    }

    /** Stores through the queue, whose intake this is; a duplicate dedupe key is a conflict here. */
    @Override
    public Job create(NewJob job) {
        JobQueue.Receipt receipt = queue.enqueue(job);
        if (receipt.duplicate()) {
            throw new ConflictException("dedupeKey", "Job " + receipt.jobNumber() + " of " + job.integration() + "/"
                    + job.payload() + " already has dedupe key '" + job.dedupeKey() + "'; expected a new key");
        }
        return find(receipt.jobId()).orElseThrow();
    }

    @Override
    public Optional<Job> find(long id) {
        return findWhere("j.id = :key", id);
    }

    @Override
    public Optional<Job> findByNumber(String jobNumber) {
        return findWhere("j.jobNumber = :key", jobNumber);
    }

    @Override
    public Page<Job> search(JobQuery query) {
        return transactions.read(session -> {
            Filter filter = Filter.of(query);
            long total = filter.apply(session.createSelectionQuery("select count(j) from JobEntity j "
                    + "join j.integration i join j.payload p" + filter.where(), Long.class)).getSingleResult();
            long first = (long) query.page() * query.size();
            if (first >= total) {
                return new Page<>(List.of(), query.page(), query.size(), total);
            }
            List<Object[]> rows = filter.apply(session.createSelectionQuery(LIST_COLUMNS
                            + " from JobEntity j join j.integration i join j.payload p" + filter.where()
                            + " order by j.receivedAt desc, j.id desc", Object[].class))
                    .setFirstResult((int) first)
                    .setMaxResults(query.size())
                    .getResultList();
            return new Page<>(rows.stream().map(HibernateJobRepository::listItem).toList(), query.page(),
                    query.size(), total);
        });
    }

    /** Job numbers are zero-padded to 6 digits, and grow past that when needed: IN-000123, IN-1234567. */
    static String jobNumber(Direction direction, long number) {
        return String.format("%s-%06d", direction.jobPrefix(), number);
    }

    private Optional<Job> findWhere(String condition, Object key) {
        return transactions.read(session -> session.createSelectionQuery("select j from JobEntity j "
                        + "join fetch j.integration join fetch j.payload where " + condition, JobEntity.class)
                .setParameter("key", key)
                .uniqueResultOptional()
                .map(job -> job.toRecord(job.getPayload().getIntegration().getApiName(),
                        job.getPayload().getApiName(), results(session, job), history(session, job))));
    }

    private static List<TargetResult> results(Session session, JobEntity job) {
        return session.createSelectionQuery("from JobResultEntity where job = :job order by position",
                        JobResultEntity.class)
                .setParameter("job", job)
                .getResultList().stream().map(JobResultEntity::toRecord).toList();
    }

    private static List<JobAttempt> history(Session session, JobEntity job) {
        List<Object[]> rows = session.createNativeQuery("select attempt, worker, started_at, finished_at, outcome, "
                        + "error from job_attempt where job_id = :job order by attempt, id", Object[].class)
                .addScalar("attempt", Integer.class)
                .addScalar("worker", String.class)
                .addScalar("started_at", Instant.class)
                .addScalar("finished_at", Instant.class)
                .addScalar("outcome", String.class)
                .addScalar("error", String.class)
                .setParameter("job", job.getId())
                .getResultList();
        return rows.stream().map(row -> new JobAttempt((Integer) row[0], (String) row[1], (Instant) row[2],
                (Instant) row[3], AttemptEnd.valueOf((String) row[4]), (String) row[5])).toList();
    }

    private static Job listItem(Object[] row) {
        return new Job((Long) row[0], (String) row[1], (String) row[2], (String) row[3], (Direction) row[4],
                (JobStatus) row[5], (JobSource) row[6], (Instant) row[7], (Instant) row[8], (Instant) row[9],
                (Instant) row[15], (Integer) row[10], (Integer) row[11], (Integer) row[12], (String) row[13],
                (Long) row[14], (String) row[16], (String) row[17], null, List.of(), List.of());
    }

    /** The where clause of a query and its parameters. */
    private record Filter(String where, Map<String, Object> parameters) {

        static Filter of(JobQuery query) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> parameters = new HashMap<>();
            if (query.integration() != null) {
                conditions.add("i.apiName = :integration");
                parameters.put("integration", query.integration());
            }
            if (query.payload() != null) {
                conditions.add("p.apiName = :payload");
                parameters.put("payload", query.payload());
            }
            if (!query.statuses().isEmpty()) {
                conditions.add("j.status in :statuses");
                parameters.put("statuses", query.statuses());
            }
            if (query.from() != null) {
                conditions.add("j.receivedAt >= :from");
                parameters.put("from", query.from());
            }
            if (query.to() != null) {
                conditions.add("j.receivedAt < :to");
                parameters.put("to", query.to());
            }
            return new Filter(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), parameters);
        }

        <Q extends SelectionQuery<?>> Q apply(Q query) {
            parameters.forEach((name, value) -> {
                if (value instanceof Collection<?> values) {
                    query.setParameterList(name, values);
                } else {
                    query.setParameter(name, value);
                }
            });
            return query;
        }
    }
}
