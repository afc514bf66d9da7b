package org.openpayloads.bench.mapping;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.records.ObjectDescription;
import org.openpayloads.api.records.QueryResult;
import org.openpayloads.api.records.RecordClient;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;

/**
 * An org that costs nothing, so that a benchmark measures the engine alone: it answers the describe of one object,
 * accepts every write as a created record and keeps only the last one, and refuses queries, which the mapping
 * under test must not need. Not thread-safe: one benchmark thread.
 */
final class DiscardingRecordClient implements RecordClient {

    private static final RecordResult CREATED = RecordResult.ok("001000000000000001", Boolean.TRUE);

    private final ObjectDescription object;
    private @Nullable RecordWrite lastWrite;
    private long writes;

    DiscardingRecordClient(ObjectDescription object) {
        this.object = object;
    }

    /** The last write, or null before the first. */
    @Nullable RecordWrite lastWrite() {
        return lastWrite;
    }

    long writes() {
        return writes;
    }

    @Override
    public RecordResult write(RecordWrite write) {
        lastWrite = write;
        writes++;
        return CREATED;
    }

    @Override
    public CompletableFuture<RecordResult> submit(RecordWrite write) {
        return CompletableFuture.completedFuture(write(write));
    }

    @Override
    public QueryResult query(String soql) {
        throw new IllegalStateException("The benchmark's org answers no query; the mapping ran one: " + soql);
    }

    @Override
    public Optional<String> findId(String object, String field, Object value) {
        throw new IllegalStateException("The benchmark's org finds no record; the mapping looked for " + object
                + " by " + field);
    }

    @Override
    public ObjectDescription describe(String name) {
        if (!name.equalsIgnoreCase(object.name())) {
            throw new IllegalStateException("The benchmark's org describes only " + object.name() + ", not " + name);
        }
        return object;
    }

    @Override
    public long callCount() {
        return 0;
    }

    @Override
    public void close() {
        // Nothing is held back.
    }
}
