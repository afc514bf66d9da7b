package org.openpayloads.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NewJob;
import org.openpayloads.engine.port.JobQueue.Receipt;

/**
 * Group commit for PostgreSQL intake: the jobs that requests store at the same moment go in one
 * multi-row INSERT and one commit, instead of a statement and a commit each. A
 * request waits until its batch is committed, so it is still answered only once its job is durable.
 *
 * <p>A taken dedupe key inserts nothing, as one row at a time does. When a batch fails as a whole (a
 * value the database refuses, say), each of its requests stores its job alone, so that one bad request
 * fails only itself.
 */
final class BatchedIntake implements AutoCloseable {

    /**
     * Batches written at once: while one commits, the next gathers the requests that arrived meanwhile, so the
     * round trips of one batch do not hold up the next.
     */
    private static final int WRITERS = 3;
    /** The most jobs one INSERT takes: 16 parameters each stay far below PostgreSQL's 65,535. */
    static final int MAX_BATCH = 128;
    private static final String ROW = "(?::bigint, ?::varchar, ?::varchar, ?::varchar, ?::varchar, ?::varchar, "
            + "?::timestamptz, ?::timestamptz, ?::integer, ?::bigint, ?::varchar, ?::varchar, ?::varchar, ?::text, "
            + "?::bytea)";

    private final DataSource dataSource;
    private final JobColumns columns;
    private final GroupCommit<Pending, Optional<Receipt>> commits;

    /** Binds a job's own columns, from direction to body, as the single-row INSERT does. */
    @FunctionalInterface
    interface JobColumns {
        /** Binds them from parameter {@code first}; returns the next parameter's index. */
        int bind(PreparedStatement statement, int first, NewJob job, Instant receivedAt) throws SQLException;
    }

    BatchedIntake(DataSource dataSource, JobColumns columns) {
        this.dataSource = dataSource;
        this.columns = columns;
        this.commits = new GroupCommit<>("intake", WRITERS, MAX_BATCH, this::write);
    }

    /**
     * Stores {@code job} in the next batch.
     *
     * @return the stored job; empty when nothing was inserted: its dedupe key is taken, or its payload does
     *     not exist
     * @throws SQLException when its batch failed; the caller stores it alone
     */
    Optional<Receipt> insert(NewJob job, Instant receivedAt) throws SQLException {
        return commits.submit(new Pending(job, receivedAt));
    }

    /** Writes one batch in one transaction; returns what each job stored. */
    private List<Optional<Receipt>> write(List<Pending> batch) throws SQLException {
        return Sql.inTransaction(dataSource, connection -> {
            assignIds(connection, batch);
            Map<Long, Receipt> stored = insert(connection, batch);
            return batch.stream().map(pending -> Optional.ofNullable(stored.get(pending.id))).toList();
        });
    }

    private static void assignIds(Connection connection, List<Pending> batch) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT nextval('job_seq') FROM generate_series(1, ?)")) {
            statement.setInt(1, batch.size());
            try (ResultSet rows = statement.executeQuery()) {
                for (Pending pending : batch) {
                    rows.next();
                    pending.id = rows.getLong(1);
                }
            }
        }
    }

    private Map<Long, Receipt> insert(Connection connection, List<Pending> batch) throws SQLException {
        String sql = "INSERT INTO job (id, job_number, integration_id, payload_id, direction, status, source, "
                + "received_at, next_attempt_at, attempts, records_processed, response_code, replay_of, dedupe_key, "
                + "ordering_key, request_content_type, request_headers, request_body) "
                + "SELECT v.id, v.prefix || '-' || lpad(v.num::text, greatest(6, length(v.num::text)), '0'), "
                + "p.integration_id, p.id, v.direction, v.status, v.source, v.received_at, v.next_attempt_at, 0, 0, "
                + "v.response_code, v.replay_of, v.dedupe_key, v.ordering_key, v.content_type, v.headers, v.body "
                + "FROM (SELECT r.*, CASE r.direction WHEN 'INBOUND' THEN 'IN' ELSE 'OUT' END AS prefix, "
                + "nextval((CASE r.direction WHEN 'INBOUND' THEN 'job_number_in_seq' ELSE 'job_number_out_seq' END)"
                + "::regclass) AS num FROM (VALUES " + String.join(", ", Collections.nCopies(batch.size(), ROW))
                + ") AS r (id, integration, payload, direction, status, source, received_at, next_attempt_at, "
                + "response_code, replay_of, dedupe_key, ordering_key, content_type, headers, body) ORDER BY r.id) v "
                + "JOIN integration i ON i.api_name = v.integration "
                + "JOIN payload p ON p.integration_id = i.id AND p.api_name = v.payload "
                + "ORDER BY v.id ON CONFLICT (payload_id, dedupe_key) DO NOTHING RETURNING id, job_number, status";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            for (Pending pending : batch) {
                NewJob job = pending.job;
                statement.setLong(i++, pending.id);
                statement.setString(i++, job.integration());
                statement.setString(i++, job.payload());
                i = columns.bind(statement, i, job, pending.receivedAt);
            }
            Map<Long, Receipt> stored = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getLong(1), new Receipt(rows.getLong(1), rows.getString(2),
                            JobStatus.valueOf(rows.getString(3)), false));
                }
            }
            return stored;
        }
    }

    /** Stops taking jobs; those waiting are written first. */
    @Override
    public void close() {
        commits.close();
    }

    /** A job waiting for its batch, and the id the batch gives it. */
    private static final class Pending {
        final NewJob job;
        final Instant receivedAt;
        long id;

        Pending(NewJob job, Instant receivedAt) {
            this.job = job;
            this.receivedAt = receivedAt;
        }
    }
}
