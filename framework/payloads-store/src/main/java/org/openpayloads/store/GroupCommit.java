package org.openpayloads.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: the items that threads submit at the same moment are written together, in one transaction,
 * by a few writer threads, and each submitter waits until its batch is committed. While one writer commits,
 * another gathers what arrived meanwhile, so one batch's round trips do not hold up the next.
 *
 * <p>When a batch fails as a whole, every submitter in it gets the failure, and writes its item alone.
 *
 * @param <T> what is submitted
 * @param <R> what each submitter gets back
 */
final class GroupCommit<T, R> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final long POLL_MILLIS = 100;

    /** Writes one batch in one transaction. */
    @FunctionalInterface
    interface BatchWriter<T, R> {
        /** The result of each item, in the batch's order. */
        List<R> write(List<T> batch) throws SQLException;
    }

    private final String name;
    private final int maxBatch;
    private final BatchWriter<T, R> writer;
    private final BlockingQueue<Pending<T, R>> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean open = true;

    GroupCommit(String name, int writers, int maxBatch, BatchWriter<T, R> writer) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.writer = writer;
        for (int i = 1; i <= writers; i++) {
            Thread thread = new Thread(this::writeBatches, "payloads-" + name + "-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /**
     * Writes {@code item} in the next batch, and waits for its commit.
     *
     * @throws SQLException when its batch failed; the caller writes the item alone
     */
    R submit(T item) throws SQLException {
        if (!open) {
            throw new SQLException("the " + name + " writer is closed");
        }
        Pending<T, R> pending = new Pending<>(item, new CompletableFuture<>());
        waiting.add(pending);
        try {
            return pending.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the " + name + " batch was written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
        }
    }

    private void writeBatches() {
        List<Pending<T, R>> batch = new ArrayList<>(maxBatch);
        while (open || !waiting.isEmpty()) {
            try {
                Pending<T, R> first = waiting.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                break;
            }
            waiting.drainTo(batch, maxBatch - 1);
            try {
                List<R> results = writer.write(batch.stream().map(Pending::item).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).done().complete(results.get(i));
                }
            } catch (SQLException | RuntimeException e) {
                LOG.debug("A {} batch of {} failed; each is written alone", name, batch.size(), e);
                SQLException failure = e instanceof SQLException sql ? sql : new SQLException(e);
                batch.forEach(pending -> pending.done().completeExceptionally(failure));
            }
            batch.clear();
        }
        waiting.forEach(pending -> pending.done().completeExceptionally(new SQLException("the " + name
                + " writer closed")));
    }

    /** Stops taking items; those waiting are written first. */
    @Override
    public void close() {
        open = false;
        try {
            for (Thread thread : threads) {
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending<T, R>(T item, CompletableFuture<R> done) {
    }
}
