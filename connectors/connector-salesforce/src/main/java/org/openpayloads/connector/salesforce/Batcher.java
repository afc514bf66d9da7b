package org.openpayloads.connector.salesforce;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.records.RecordWrite;
import org.openpayloads.api.records.WriteKind;

/**
 * Groups writes of one object, kind and external id field into batches. A batch is sent when it is full,
 * or when the linger has passed since its first write; a timer on the scheduler does the latter, so no
 * thread waits or polls.
 */
final class Batcher {

    private record Key(WriteKind kind, String object, @Nullable String externalIdField) {
        static Key of(RecordWrite write) {
            return new Key(write.kind(), write.object(), write.externalIdField());
        }
    }

    private static final class Batch {
        final List<Pending> items = new ArrayList<>();
        final Set<String> identities = new HashSet<>();
        @Nullable ScheduledFuture<?> timer;
    }

    private final ScheduledExecutorService scheduler;
    private final Consumer<List<Pending>> sink;
    private final int batchSize;
    private final Duration linger;
    private final Map<Key, Batch> open = new HashMap<>();

    /** @param sink sends one batch; called on the scheduler thread */
    Batcher(ScheduledExecutorService scheduler, Consumer<List<Pending>> sink, int batchSize, Duration linger) {
        this.scheduler = scheduler;
        this.sink = sink;
        this.batchSize = batchSize;
        this.linger = linger;
    }

    void add(Pending pending) {
        Key key = Key.of(pending.write());
        String identity = pending.identity();
        List<List<Pending>> ready = new ArrayList<>(2);
        synchronized (this) {
            Batch batch = open.get(key);
            if (batch != null && identity != null && batch.identities.contains(identity)) {
                ready.add(detach(key, batch));
                batch = null;
            }
            if (batch == null) {
                batch = open(key);
            }
            batch.items.add(pending);
            if (identity != null) {
                batch.identities.add(identity);
            }
            if (batch.items.size() >= batchSize) {
                ready.add(detach(key, batch));
            }
        }
        ready.forEach(items -> scheduler.execute(() -> sink.accept(items)));
    }

    /** Sends every open batch now; for close. */
    void flushAll() {
        List<List<Pending>> ready = new ArrayList<>();
        synchronized (this) {
            for (Key key : List.copyOf(open.keySet())) {
                ready.add(detach(key, open.get(key)));
            }
        }
        ready.forEach(items -> scheduler.execute(() -> sink.accept(items)));
    }

    private Batch open(Key key) {
        Batch batch = new Batch();
        open.put(key, batch);
        batch.timer = scheduler.schedule(() -> expire(key, batch), linger.toNanos(), TimeUnit.NANOSECONDS);
        return batch;
    }

    /** The linger has passed: send the batch unless it was sent meanwhile. Runs on the scheduler thread. */
    private void expire(Key key, Batch batch) {
        List<Pending> items;
        synchronized (this) {
            if (open.get(key) != batch) {
                return;
            }
            items = detach(key, batch);
        }
        sink.accept(items);
    }

    private List<Pending> detach(Key key, Batch batch) {
        open.remove(key);
        if (batch.timer != null) {
            batch.timer.cancel(false);
        }
        return batch.items;
    }
}
