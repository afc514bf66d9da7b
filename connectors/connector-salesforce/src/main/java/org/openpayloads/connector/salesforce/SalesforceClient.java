package org.openpayloads.connector.salesforce;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.RetriableException;
import org.openpayloads.api.connector.ConnectorContext;
import org.openpayloads.api.records.ObjectDescription;
import org.openpayloads.api.records.QueryResult;
import org.openpayloads.api.records.RecordClient;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;
import org.openpayloads.api.records.WriteKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One org, through the REST API. Writes go through the {@link Batcher} into sObject Collections; one
 * scheduler thread runs the linger timers, sends the batches and waits out the retries, so that no
 * caller thread blocks inside {@link #submit} and nothing polls.
 */
final class SalesforceClient implements RecordClient {

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceClient.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final SalesforceConfig config;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Exchange exchange;
    private final Reads reads;
    private final SingleWrites single;
    private final Batcher batcher;
    private final AtomicWrites atomic;
    private final Set<CompletableFuture<RecordResult>> inflight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param timer null for the real one; tests pass one that does not sleep */
    SalesforceClient(SalesforceConfig config, ConnectorContext context, @Nullable RetryTimer timer) {
        this.config = config;
        this.scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "salesforce-client-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // Most linger timers are cancelled because their batch filled first; drop them at once.
        scheduler.setRemoveOnCancelPolicy(true);
        this.exchange = new Exchange(context.transport(), context.clock(),
                timer != null ? timer : RetryTimer.on(scheduler), config);
        TokenSource tokens = new TokenSource(config, exchange, context.clock());
        OrgApi api = new OrgApi(config, tokens, exchange, new LimitWatcher(context.listener(), config.limitWarnPercent()));
        this.reads = new Reads(api, config);
        this.single = new SingleWrites(api, reads, config);
        this.atomic = new AtomicWrites(api, config);
        CollectionWrites collections = new CollectionWrites(api, single, exchange, config);
        this.batcher = new Batcher(scheduler, collections::send, config.batchSize(), config.linger());
    }

    @Override
    public CompletableFuture<RecordResult> submit(RecordWrite write) {
        checkOpen(write.kind() + " of " + write.object());
        Pending pending = Pending.of(write);
        // A copy, so that a caller completing its future cannot complete the client's. close() waits for
        // the copies, which complete just after the originals, so that every caller has its answer.
        CompletableFuture<RecordResult> handed = pending.result().copy();
        inflight.add(handed);
        handed.whenComplete((result, failure) -> inflight.remove(handed));
        if (write.kind() == WriteKind.DELETE && write.externalIdField() != null) {
            // Collections delete takes ids only.
            Futures.forward(single.send(pending), pending.result());
        } else {
            batcher.add(pending);
        }
        return handed;
    }

    @Override
    public int maxAtomicWrites() {
        return AtomicWrites.MAX_WRITES;
    }

    /** One composite request with {@code allOrNone}: Salesforce keeps every write or none. */
    @Override
    public List<RecordResult> writeAtomically(List<RecordWrite> writes) {
        checkOpen("group of " + writes.size() + " writes");
        return atomic.write(writes);
    }

    @Override
    public QueryResult query(String soql) {
        checkOpen("query");
        return reads.query(soql);
    }

    @Override
    public Optional<String> findId(String object, String field, Object value) {
        checkOpen("lookup in " + object);
        return Futures.join(reads.findIdAsync(object, field, value));
    }

    @Override
    public ObjectDescription describe(String object) {
        checkOpen("describe of " + object);
        return reads.describe(object);
    }

    @Override
    public long callCount() {
        return exchange.calls();
    }

    /** Sends the open batches, waits for every write in flight (bounded), then stops the scheduler. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        batcher.flushAll();
        Duration budget = config.requestTimeout().multipliedBy(config.maxRetries() + 2L).plus(config.linger());
        try {
            CompletableFuture.allOf(inflight.toArray(CompletableFuture[]::new)).get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            RetriableException gaveUp = new RetriableException("The Salesforce client was closed before Salesforce "
                    + "answered, after waiting " + budget.toSeconds() + " s");
            inflight.forEach(future -> future.completeExceptionally(gaveUp));
            LOG.warn("Closed with {} writes unanswered after {} s", inflight.size(), budget.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // Each write's future already carries its own failure.
        } finally {
            scheduler.shutdown();
        }
    }

    @Override
    public String toString() {
        return "SalesforceClient[" + config.loginUrl() + ", flow=" + config.flow() + ", clientId=" + config.clientId()
                + ", calls=" + callCount() + (closed.get() ? ", closed" : "") + "]";
    }

    private void checkOpen(String what) {
        if (closed.get()) {
            throw new IllegalStateException("The Salesforce client is closed, so it cannot run a " + what
                    + "; open a new one");
        }
    }
}
