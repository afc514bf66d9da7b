package org.openpayloads.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.port.JobQueue;
import org.openpayloads.engine.port.JobQueueContract;
import org.openpayloads.engine.port.JobRepository;
import org.openpayloads.store.StoreTesting.OpenStore;

/**
 * The JDBC queue, with the Hibernate reads of its jobs, keeps the contract every queue keeps: on HSQLDB in the
 * default run, on PostgreSQL in the second. One store serves the class; each test starts with no jobs.
 */
@Tag("database")
class JdbcJobQueueTest extends JobQueueContract {

    private static final String ACTOR = "queue-test";
    private static OpenStore open;

    @BeforeAll
    static void open() {
        open = OpenStore.create();
    }

    @AfterAll
    static void close() {
        open.close();
    }

    @Override
    protected JobQueue queue() {
        return open.store().jobQueue();
    }

    @Override
    protected JobRepository jobs() {
        return open.store().jobs();
    }

    @Override
    protected void setNow(Instant instant) {
        open.clock().set(instant);
    }

    /** Results and attempts go with their jobs (ON DELETE CASCADE). */
    @Override
    protected void startEmpty() {
        StoreTesting.execute(open.database(), "DELETE FROM job");
        StoreTesting.execute(open.database(), "ALTER SEQUENCE job_number_in_seq RESTART WITH 1");
        StoreTesting.execute(open.database(), "ALTER SEQUENCE job_number_out_seq RESTART WITH 1");
    }

    @Override
    protected void createPayload(String integration, String payload) {
        if (open.store().integrations().find(integration).isEmpty()) {
            open.store().integrations().create(StoreTesting.integration(integration), ACTOR);
        }
        open.store().payloads().create(integration, StoreTesting.smallPayload(payload), ACTOR);
    }

    @Override
    protected void setIntegrationActive(String integration, boolean active) {
        Integration stored = open.store().integrations().find(integration).orElseThrow();
        open.store().integrations().update(integration, new Integration(stored.apiName(), stored.label(),
                stored.description(), active, stored.retentionDays(), stored.audit()), ACTOR);
    }

    @Override
    protected void setPayloadActive(String integration, String payload, boolean active) {
        Payload p = open.store().payloads().find(integration, payload).orElseThrow();
        open.store().payloads().update(integration, payload, new Payload(p.apiName(), p.label(), p.description(),
                p.direction(), p.kind(), p.contentType(), p.allowPartialSuccess(), active, p.auth(), p.dedupeKey(),
                p.orderingKey(), p.syncResponse(), p.whenInactive(), p.redactPaths(), p.endpointUrl(),
                p.httpMethod(), p.credential(), p.elements(), p.targets(), p.sources(), p.audit()), ACTOR);
    }

    @Override
    protected void setRetentionDays(String integration, @Nullable Integer days) {
        Integration stored = open.store().integrations().find(integration).orElseThrow();
        open.store().integrations().update(integration, new Integration(stored.apiName(), stored.label(),
                stored.description(), stored.active(), days, stored.audit()), ACTOR);
    }
}
