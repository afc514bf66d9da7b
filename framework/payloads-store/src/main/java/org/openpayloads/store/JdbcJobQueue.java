package org.openpayloads.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.model.AttemptEnd;
import org.openpayloads.engine.model.JobRequest;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NewJob;
import org.openpayloads.engine.model.TargetResult;
import org.openpayloads.engine.port.AttemptResult;
import org.openpayloads.engine.port.ClaimedJob;
import org.openpayloads.engine.port.JobQueue;
import org.openpayloads.store.entity.JobEntity;

/**
 * The job queue in plain JDBC: intake is the hot path, one statement and one commit per request on
 * PostgreSQL, and a claim is SQL that no ORM query expresses.
 *
 * <p>On PostgreSQL, jobs stored at the same moment share one INSERT and one commit ({@link BatchedIntake}),
 * and attempts recorded at the same moment one transaction ({@link GroupCommit}), each still fenced by its
 * lease.
 * A claim locks its rows with {@code FOR UPDATE SKIP LOCKED}, so workers of several
 * processes take disjoint jobs without waiting on each other. An HSQLDB file database belongs to one
 * process; its claims are serialized by a lock in that process and confirmed by a conditional update,
 * which is as safe.
 */
final class JdbcJobQueue implements JobQueue, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final String FINAL_STATUSES = "('COMPLETED', 'PARTIAL', 'FAILED', 'DEAD', 'DISCARDED')";
    /** The request_content_type column's length. */
    private static final int CONTENT_TYPE_MAX = 255;
    private static final String EXPIRED_LEASE = "The worker's lease expired before it finished: its process "
            + "stopped or hung";

    // The columns an insert binds, after id, number, integration and payload.
    private static final String INSERT_COLUMNS = "direction, status, source, received_at, next_attempt_at, attempts, "
            + "records_processed, response_code, replay_of, dedupe_key, ordering_key, request_content_type, "
            + "request_headers, request_body";
    private static final String INSERT_VALUES = "?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?";
    // Due jobs, oldest first, without those whose ordering key has an earlier job not yet finished. The ORDER BY
    // names the constant status too, so that it matches ix_job_due column for column: only then does HSQLDB read
    // the head of that index and stop, instead of testing every queued job and sorting them (6 s a claim with
    // 40,000 queued; 0.5 ms now). PostgreSQL plans it the same either way.
    static final String DUE = "SELECT j.id FROM job j WHERE j.status = 'QUEUED' AND j.next_attempt_at <= ? "
            + "AND (j.ordering_key IS NULL OR NOT EXISTS (SELECT 1 FROM job e WHERE e.payload_id = j.payload_id "
            + "AND e.ordering_key = j.ordering_key AND e.id < j.id AND e.status IN ('QUEUED', 'RUNNING', 'HELD'))) "
            + "ORDER BY j.status, j.next_attempt_at, j.id FETCH FIRST ? ROWS ONLY";
    /** Writers of recorded attempts, and the most one transaction takes: a claim's worth and some. */
    private static final int FINISH_WRITERS = 2;
    private static final int MAX_FINISH_BATCH = 64;
    private static final String MARK_RUNNING = "UPDATE job SET status = 'RUNNING', lease_owner = ?, "
            + "lease_expires_at = ?, started_at = ?, finished_at = NULL, attempts = attempts + 1 WHERE ";

    private final DataSource dataSource;
    private final Database database;
    private final Clock clock;
    private final Sql sql;
    /** PostgreSQL's group commit of concurrent intake; null on HSQLDB, whose commits cost no round trip. */
    private final @Nullable BatchedIntake intake;
    /** PostgreSQL's group commit of the attempts workers record at the same moment; null on HSQLDB. */
    private final @Nullable GroupCommit<Finishing, Boolean> finishes;
    /** Serializes HSQLDB claims, which cannot skip locked rows. */
    private final ReentrantLock claimLock = new ReentrantLock();

    JdbcJobQueue(DataSource dataSource, Database database, Clock clock) {
        this.dataSource = dataSource;
        this.database = database;
        this.clock = clock;
        this.sql = new Sql(database);
        this.intake = database == Database.POSTGRESQL ? new BatchedIntake(dataSource, this::bindInsert) : null;
        this.finishes = database == Database.POSTGRESQL ? new GroupCommit<>("finish", FINISH_WRITERS, MAX_FINISH_BATCH,
                batch -> Sql.inTransaction(dataSource, connection -> finishAll(connection, batch))) : null;
    }

    /** Stops the intake writer; jobs waiting for it are written first. */
    @Override
    public void close() {
        if (intake != null) {
            intake.close();
        }
        if (finishes != null) {
            finishes.close();
        }
    }

    @Override
    public Receipt enqueue(NewJob job) {
        Instant now = now();
        if (intake != null) {
            try {
                return intake.insert(job, now)
                        .orElseGet(() -> withConnection(job, connection -> existing(connection, job)));
            } catch (SQLException e) {
                // Its batch failed as a whole: stored alone below, so that only a bad job fails.
            }
        }
        return withConnection(job, connection -> {
            Optional<Receipt> stored = database == Database.POSTGRESQL ? insertReturning(connection, job, now)
                    : insertWithKeys(connection, job, now);
            return stored.isPresent() ? stored.get() : existing(connection, job);
        });
    }

    /** The job that took {@code job}'s dedupe key; else {@code job}'s payload does not exist. */
    private Receipt existing(Connection connection, NewJob job) throws SQLException {
        return findDuplicate(connection, job).orElseThrow(() -> missingPayload(connection, job));
    }

    /** {@code work} on an autocommitted connection, storing {@code job}. */
    private Receipt withConnection(NewJob job, Sql.Work<Receipt> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store a job of " + job.integration() + "/" + job.payload() + ": "
                    + e.getMessage(), e);
        }
    }

    /** PostgreSQL: ids, number and row in one statement; a taken dedupe key inserts nothing. */
    private Optional<Receipt> insertReturning(Connection connection, NewJob job, Instant now) throws SQLException {
        String prefix = job.direction().jobPrefix();
        String numberSequence = numberSequence(job);
        String insert = "WITH n AS (SELECT nextval('job_seq') AS id, nextval('" + numberSequence + "') AS num) "
                + "INSERT INTO job (id, job_number, integration_id, payload_id, " + INSERT_COLUMNS + ") "
                + "SELECT n.id, '" + prefix + "-' || lpad(n.num::text, greatest(6, length(n.num::text)), '0'), "
                + "p.integration_id, p.id, " + INSERT_VALUES + " FROM n, payload p "
                + "JOIN integration i ON i.id = p.integration_id WHERE i.api_name = ? AND p.api_name = ? "
                + "ON CONFLICT (payload_id, dedupe_key) DO NOTHING RETURNING id, job_number";
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            int next = bindInsert(statement, 1, job, now);
            statement.setString(next, job.integration());
            statement.setString(next + 1, job.payload());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new Receipt(row.getLong(1), row.getString(2), job.status(), false))
                        : Optional.empty();
            }
        }
    }

    /** HSQLDB, in process: the ids first, then the row; a taken dedupe key is a unique violation. */
    private Optional<Receipt> insertWithKeys(Connection connection, NewJob job, Instant now) throws SQLException {
        Optional<long[]> owner = payloadIds(connection, job.integration(), job.payload());
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        long id;
        long number;
        try (PreparedStatement statement = connection.prepareStatement("VALUES (NEXT VALUE FOR job_seq, "
                + "NEXT VALUE FOR " + numberSequence(job) + ")"); ResultSet row = statement.executeQuery()) {
            row.next();
            id = row.getLong(1);
            number = row.getLong(2);
        }
        String jobNumber = HibernateJobRepository.jobNumber(job.direction(), number);
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO job (id, job_number, "
                + "integration_id, payload_id, " + INSERT_COLUMNS + ") VALUES (?, ?, ?, ?, " + INSERT_VALUES + ")")) {
            statement.setLong(1, id);
            statement.setString(2, jobNumber);
            statement.setLong(3, owner.get()[0]);
            statement.setLong(4, owner.get()[1]);
            bindInsert(statement, 5, job, now);
            statement.executeUpdate();
            return Optional.of(new Receipt(id, jobNumber, job.status(), false));
        } catch (SQLException e) {
            if (job.dedupeKey() != null && Sql.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Binds {@link #INSERT_VALUES} from {@code first}; returns the next parameter's index. */
    private int bindInsert(PreparedStatement statement, int first, NewJob job, Instant now) throws SQLException {
        int i = first;
        statement.setString(i++, job.direction().name());
        statement.setString(i++, job.status().name());
        statement.setString(i++, job.source().name());
        sql.setInstant(statement, i++, now);
        sql.setInstant(statement, i++, job.status() == JobStatus.QUEUED ? now : null);
        setNullableInt(statement, i++, job.responseCode());
        if (job.replayOf() == null) {
            statement.setNull(i++, Types.BIGINT);
        } else {
            statement.setLong(i++, job.replayOf());
        }
        statement.setString(i++, job.dedupeKey());
        statement.setString(i++, job.orderingKey());
        statement.setString(i++, Sql.cut(job.request().contentType(), CONTENT_TYPE_MAX));
        statement.setString(i++, json(job.request().headers()));
        statement.setBytes(i++, job.request().body());
        return i;
    }

    private static String numberSequence(NewJob job) {
        return switch (job.direction()) {
            case INBOUND -> "job_number_in_seq";
            case OUTBOUND -> "job_number_out_seq";
        };
    }

    private static Optional<long[]> payloadIds(Connection connection, String integration, String payload)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT p.integration_id, p.id FROM payload p "
                + "JOIN integration i ON i.id = p.integration_id WHERE i.api_name = ? AND p.api_name = ?")) {
            statement.setString(1, integration);
            statement.setString(2, payload);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new long[] {row.getLong(1), row.getLong(2)}) : Optional.empty();
            }
        }
    }

    private Optional<Receipt> findDuplicate(Connection connection, NewJob job) throws SQLException {
        if (job.dedupeKey() == null) {
            return Optional.empty();
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT j.id, j.job_number, j.status FROM job j "
                + "JOIN payload p ON p.id = j.payload_id JOIN integration i ON i.id = p.integration_id "
                + "WHERE i.api_name = ? AND p.api_name = ? AND j.dedupe_key = ?")) {
            statement.setString(1, job.integration());
            statement.setString(2, job.payload());
            statement.setString(3, job.dedupeKey());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new Receipt(row.getLong(1), row.getString(2),
                        JobStatus.valueOf(row.getString(3)), true)) : Optional.empty();
            }
        }
    }

    private static NotFoundException missingPayload(Connection connection, NewJob job) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM integration WHERE api_name = ?")) {
            statement.setString(1, job.integration());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1) == 0 ? NotFoundException.of("integration", job.integration())
                        : NotFoundException.of("payload", job.integration() + "/" + job.payload());
            }
        } catch (SQLException e) {
            return NotFoundException.of("payload", job.integration() + "/" + job.payload());
        }
    }

    @Override
    public List<ClaimedJob> claim(String worker, int max, Duration lease) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be 1 or more, was " + max);
        }
        Instant now = now();
        return inTransaction(connection -> {
            if (database == Database.POSTGRESQL) {
                return claimSkippingLocked(connection, worker, max, lease, now);
            }
            List<Long> ids = claimUnderLock(connection, worker, max, lease, now);
            return ids.isEmpty() ? List.of() : claimed(connection, ids, now);
        });
    }

    /** PostgreSQL: claims and reads the jobs in one statement, skipping rows that another claim holds. */
    private List<ClaimedJob> claimSkippingLocked(Connection connection, String worker, int max, Duration lease,
                                                 Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE job claimed SET status = 'RUNNING', "
                + "lease_owner = ?, lease_expires_at = ?, started_at = ?, finished_at = NULL, "
                + "attempts = claimed.attempts + 1 FROM payload p, integration i WHERE p.id = claimed.payload_id "
                + "AND i.id = claimed.integration_id AND claimed.id IN (" + DUE + " FOR UPDATE SKIP LOCKED) "
                + "RETURNING claimed.id, claimed.job_number, i.api_name, p.api_name, claimed.attempts, "
                + "claimed.received_at, claimed.request_content_type, claimed.request_headers, claimed.request_body")) {
            bindMarkRunning(statement, worker, lease, now);
            sql.setInstant(statement, 4, now);
            statement.setInt(5, max);
            List<ClaimedJob> jobs = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    jobs.add(claimedJob(rows, now));
                }
            }
            jobs.sort(Comparator.comparingLong(ClaimedJob::id));
            return jobs;
        }
    }

    private List<Long> claimUnderLock(Connection connection, String worker, int max, Duration lease, Instant now)
            throws SQLException {
        claimLock.lock();
        try {
            List<Long> due = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(DUE)) {
                sql.setInstant(statement, 1, now);
                statement.setInt(2, max);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        due.add(rows.getLong(1));
                    }
                }
            }
            List<Long> ids = new ArrayList<>(due.size());
            try (PreparedStatement statement = connection.prepareStatement(MARK_RUNNING
                    + "id = ? AND status = 'QUEUED'")) {
                for (long id : due) {
                    bindMarkRunning(statement, worker, lease, now);
                    statement.setLong(4, id);
                    if (statement.executeUpdate() == 1) {
                        ids.add(id);
                    }
                }
            }
            // Committed before the lock is released, so the next claim sees these jobs RUNNING.
            connection.commit();
            return ids;
        } finally {
            claimLock.unlock();
        }
    }

    private void bindMarkRunning(PreparedStatement statement, String worker, Duration lease, Instant now)
            throws SQLException {
        statement.setString(1, worker);
        sql.setInstant(statement, 2, now.plus(lease));
        sql.setInstant(statement, 3, now);
    }

    private List<ClaimedJob> claimed(Connection connection, List<Long> ids, Instant now) throws SQLException {
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement statement = connection.prepareStatement("SELECT j.id, j.job_number, i.api_name, "
                + "p.api_name, j.attempts, j.received_at, j.request_content_type, j.request_headers, j.request_body "
                + "FROM job j JOIN payload p ON p.id = j.payload_id JOIN integration i ON i.id = j.integration_id "
                + "WHERE j.id IN (" + placeholders + ") ORDER BY j.id")) {
            for (int i = 0; i < ids.size(); i++) {
                statement.setLong(i + 1, ids.get(i));
            }
            List<ClaimedJob> jobs = new ArrayList<>(ids.size());
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    jobs.add(claimedJob(row, now));
                }
            }
            return jobs;
        }
    }

    /** A claimed job from a row of id, number, integration, payload, attempts, received and the request. */
    private ClaimedJob claimedJob(ResultSet row, Instant now) throws SQLException {
        return new ClaimedJob(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5),
                sql.getInstant(row, 6), now, new JobRequest(row.getString(7), headers(row.getString(8)),
                row.getBytes(9)));
    }

    @Override
    public int renew(String worker, Duration lease) {
        Instant now = now();
        return inTransaction(connection -> {
            // Never waits for a row another transaction holds, such as a job of this worker being finished:
            // a renewal stuck behind one would let every other lease of the worker expire.
            try (PreparedStatement statement = connection.prepareStatement(database == Database.POSTGRESQL
                    ? "UPDATE job SET lease_expires_at = ? WHERE id IN (SELECT id FROM job WHERE lease_owner = ? "
                    + "AND status = 'RUNNING' FOR UPDATE SKIP LOCKED)"
                    : "UPDATE job SET lease_expires_at = ? WHERE lease_owner = ? AND status = 'RUNNING'")) {
                sql.setInstant(statement, 1, now.plus(lease));
                statement.setString(2, worker);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public boolean finish(String worker, ClaimedJob job, AttemptResult result) {
        Finishing finishing = new Finishing(worker, job, result);
        if (finishes != null) {
            try {
                return finishes.submit(finishing);
            } catch (SQLException e) {
                // Its batch failed as a whole: recorded alone below, so that only a bad result fails.
            }
        }
        return inTransaction(connection -> finishAll(connection, List.of(finishing)).get(0));
    }

    /**
     * Records attempts in one transaction: each job's status, its results and the attempt, fenced by its lease.
     *
     * @return per attempt, whether it was recorded: false when its worker no longer held the lease
     */
    private List<Boolean> finishAll(Connection connection, List<Finishing> batch) throws SQLException {
        List<Boolean> recorded = new ArrayList<>(batch.size());
        try (PreparedStatement statement = connection.prepareStatement("UPDATE job SET status = ?, "
                + "finished_at = ?, next_attempt_at = ?, records_processed = ?, error = ?, lease_owner = NULL, "
                + "lease_expires_at = NULL WHERE id = ? AND lease_owner = ? AND attempts = ? AND status = 'RUNNING'")) {
            for (Finishing finishing : batch) {
                AttemptResult result = finishing.result();
                JobStatus status = result.end().jobStatus();
                statement.setString(1, status.name());
                sql.setInstant(statement, 2, status.isFinal() ? result.finishedAt() : null);
                sql.setInstant(statement, 3, result.nextAttemptAt());
                statement.setInt(4, result.recordsProcessed());
                statement.setString(5, cut(result.error()));
                statement.setLong(6, finishing.job().id());
                statement.setString(7, finishing.worker());
                statement.setInt(8, finishing.job().attempt());
                statement.addBatch();
            }
            for (int count : statement.executeBatch()) {
                recorded.add(count == 1);
            }
        }
        List<Finishing> kept = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (recorded.get(i)) {
                kept.add(batch.get(i));
            }
        }
        deleteEarlierResults(connection, kept);
        insertResults(connection, kept);
        insertAttempts(connection, kept);
        return recorded;
    }

    /** The results of a job's earlier attempt go; the latest attempt's replace them. */
    private static void deleteEarlierResults(Connection connection, List<Finishing> kept) throws SQLException {
        List<Finishing> retried = kept.stream().filter(f -> f.job().attempt() > 1).toList();
        if (retried.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM job_result WHERE job_id = ?")) {
            for (Finishing finishing : retried) {
                statement.setLong(1, finishing.job().id());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private void insertResults(Connection connection, List<Finishing> kept) throws SQLException {
        if (kept.stream().allMatch(f -> f.result().results().isEmpty())) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO job_result (id, job_id, position, "
                + "target, item_index, object_name, operation, record_id, created, success, error_code, message) "
                + "VALUES (" + sql.nextValue("job_result_seq") + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Finishing finishing : kept) {
                int position = 0;
                for (TargetResult result : finishing.result().results()) {
                    bindResult(statement, finishing.job().id(), position++, result);
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        }
    }

    private void insertAttempts(Connection connection, List<Finishing> kept) throws SQLException {
        if (kept.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO job_attempt (id, job_id, attempt, "
                + "worker, started_at, finished_at, outcome, error) VALUES (" + sql.nextValue("job_attempt_seq")
                + ", ?, ?, ?, ?, ?, ?, ?)")) {
            for (Finishing finishing : kept) {
                bindAttempt(statement, finishing.job().id(), finishing.job().attempt(), finishing.worker(),
                        finishing.job().claimedAt(), finishing.result().finishedAt(), finishing.result().end(),
                        finishing.result().error());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** An attempt to record, as {@link #finish} takes it. */
    private record Finishing(String worker, ClaimedJob job, AttemptResult result) {
    }

    private void bindResult(PreparedStatement statement, long jobId, int position, TargetResult result)
            throws SQLException {
        statement.setLong(1, jobId);
        statement.setInt(2, position);
        statement.setString(3, result.target());
        statement.setInt(4, result.index());
        statement.setString(5, result.object());
        statement.setString(6, result.operation());
        statement.setString(7, cut(result.recordId()));
        if (result.created() == null) {
            statement.setNull(8, Types.BOOLEAN);
        } else {
            statement.setBoolean(8, result.created());
        }
        statement.setBoolean(9, result.success());
        statement.setString(10, cut(result.errorCode()));
        statement.setString(11, cut(result.message()));
    }

    private void insertAttempt(Connection connection, long jobId, int attempt, @Nullable String worker, Instant started,
                               Instant finished, AttemptEnd end, @Nullable String error) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO job_attempt (id, job_id, attempt, "
                + "worker, started_at, finished_at, outcome, error) VALUES (" + sql.nextValue("job_attempt_seq")
                + ", ?, ?, ?, ?, ?, ?, ?)")) {
            bindAttempt(statement, jobId, attempt, worker, started, finished, end, error);
            statement.executeUpdate();
        }
    }

    private void bindAttempt(PreparedStatement statement, long jobId, int attempt, @Nullable String worker,
                             Instant started, Instant finished, AttemptEnd end, @Nullable String error)
            throws SQLException {
        statement.setLong(1, jobId);
        statement.setInt(2, attempt);
        statement.setString(3, worker);
        sql.setInstant(statement, 4, started);
        sql.setInstant(statement, 5, finished);
        statement.setString(6, end.name());
        statement.setString(7, cut(error));
    }

    @Override
    public void recordResponse(long jobId, int responseCode) {
        inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE job SET response_code = ? WHERE id = ?")) {
                statement.setInt(1, responseCode);
                statement.setLong(2, jobId);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public int requeueExpired(int maxAttempts) {
        Instant now = now();
        return inTransaction(connection -> {
            List<Object[]> expired = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, attempts, lease_owner, "
                    + "started_at FROM job WHERE status = 'RUNNING' AND lease_expires_at < ?")) {
                sql.setInstant(statement, 1, now);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        expired.add(new Object[] {rows.getLong(1), rows.getInt(2), rows.getString(3),
                                sql.getInstant(rows, 4)});
                    }
                }
            }
            int moved = 0;
            // A job put back keeps its place: due since it arrived, so it runs before the backlog behind it.
            try (PreparedStatement statement = connection.prepareStatement("UPDATE job SET status = ?, "
                    + "next_attempt_at = CASE WHEN CAST(? AS BOOLEAN) THEN NULL ELSE received_at END, "
                    + "finished_at = ?, error = ?, lease_owner = NULL, lease_expires_at = NULL "
                    + "WHERE id = ? AND status = 'RUNNING' AND lease_expires_at < ?")) {
                for (Object[] job : expired) {
                    boolean dead = (Integer) job[1] >= maxAttempts;
                    statement.setString(1, dead ? JobStatus.DEAD.name() : JobStatus.QUEUED.name());
                    statement.setBoolean(2, dead);
                    sql.setInstant(statement, 3, dead ? now : null);
                    statement.setString(4, EXPIRED_LEASE);
                    statement.setLong(5, (Long) job[0]);
                    sql.setInstant(statement, 6, now);
                    if (statement.executeUpdate() == 1) {
                        moved++;
                        Instant started = job[3] == null ? now : (Instant) job[3];
                        insertAttempt(connection, (Long) job[0], (Integer) job[1], (String) job[2], started, now,
                                dead ? AttemptEnd.DEAD : AttemptEnd.LEASE_EXPIRED, EXPIRED_LEASE);
                    }
                }
            }
            return moved;
        });
    }

    @Override
    public int releaseHeld() {
        Instant now = now();
        return inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE job SET status = 'QUEUED', "
                    + "next_attempt_at = ? WHERE status = 'HELD' AND payload_id IN (SELECT p.id FROM payload p "
                    + "JOIN integration i ON i.id = p.integration_id WHERE p.active = TRUE AND i.active = TRUE)")) {
                sql.setInstant(statement, 1, now);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public Optional<JobStatus> status(long jobId) {
        return inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT status FROM job WHERE id = ?")) {
                statement.setLong(1, jobId);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(JobStatus.valueOf(row.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean discard(long jobId) {
        Instant now = now();
        return inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE job SET status = 'DISCARDED', "
                    + "finished_at = ? WHERE id = ? AND status = 'DEAD'")) {
                sql.setInstant(statement, 1, now);
                statement.setLong(2, jobId);
                return statement.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Map<String, Integer> deleteExpired(Instant now, int defaultRetentionDays) {
        return inTransaction(connection -> {
            Map<String, Integer> deleted = new LinkedHashMap<>();
            List<Object[]> integrations = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, api_name, retention_days FROM integration ORDER BY api_name");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int days = rows.getInt(3);
                    // Asked at once: wasNull() is about the last column read.
                    boolean unset = rows.wasNull();
                    integrations.add(new Object[] {rows.getLong(1), rows.getString(2),
                            unset ? defaultRetentionDays : days});
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM job WHERE integration_id = ? "
                    + "AND status IN " + FINAL_STATUSES + " AND received_at < ?")) {
                for (Object[] integration : integrations) {
                    statement.setLong(1, (Long) integration[0]);
                    sql.setInstant(statement, 2, now.minus(Duration.ofDays((Integer) integration[2])));
                    int count = statement.executeUpdate();
                    if (count > 0) {
                        deleted.put((String) integration[1], count);
                    }
                }
            }
            return deleted;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private <T> T inTransaction(Sql.Work<T> work) {
        try {
            return Sql.inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new IllegalStateException("The job queue's database call failed: " + e.getMessage(), e);
        }
    }

    /** Text as a job's columns keep it: at most {@link JobEntity#ERROR_MAX} characters (see {@link Sql#cut}). */
    private static @Nullable String cut(@Nullable String text) {
        return Sql.cut(text, JobEntity.ERROR_MAX);
    }

    private static void setNullableInt(PreparedStatement statement, int index, @Nullable Integer value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static String json(Map<String, String> headers) {
        try {
            return JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the request headers as JSON", e);
        }
    }

    private static Map<String, String> headers(@Nullable String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored job's headers are not valid JSON", e);
        }
    }
}
