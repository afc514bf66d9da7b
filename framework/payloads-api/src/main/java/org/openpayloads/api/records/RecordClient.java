package org.openpayloads.api.records;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.api.RetriableException;

/**
 * Reads and writes records in one target org. Thread-safe: the mapping engine's workers share one.
 *
 * <p>How failures come back:
 * <ul>
 *   <li>a record the target refuses (a missing required field, a duplicate, a bad value) is a
 *       {@link RecordResult} with {@code success == false}, never an exception;
 *   <li>{@link RetriableException}: the target was unavailable, throttled, timed out or had the row
 *       locked, and the client's own retries are used up; try the job again later;
 *   <li>{@link ConfigException}: the credentials were refused; it names the credential fields, never a
 *       secret's value;
 *   <li>{@link MappingException}: a query or lookup the target cannot run;
 *   <li>{@link NotFoundException}: {@link #describe} of an object the org does not have.
 * </ul>
 */
public interface RecordClient extends AutoCloseable {

    /**
     * Starts a write. The client may hold it briefly to send it in one request with others; the future
     * completes with this write's own result. It completes on the client's own threads, so a dependent
     * stage that blocks (on {@link #write}, {@link #query}, {@code join}) must use an {@code ...Async}
     * variant.
     *
     * @throws IllegalStateException when the client is closed
     */
    CompletableFuture<RecordResult> submit(RecordWrite write);

    /** {@link #submit} and wait; throws the failure itself rather than a wrapper. */
    default RecordResult write(RecordWrite write) {
        try {
            return submit(write).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * How many writes {@link #writeAtomically} takes in one group; 0 when the target has no transaction to offer,
     * and the caller must undo a failed job's writes itself.
     */
    default int maxAtomicWrites() {
        return 0;
    }

    /**
     * Writes all of {@code writes}, in order, in one transaction: every write is kept, or none is. A field value
     * may be a {@link RecordRef} to the id of an earlier write of the group.
     *
     * @return one result per write, in order. When a write fails, its result carries its errors, and every other
     *     write's result fails with {@code PROCESSING_HALTED}, since none of them was kept.
     * @throws UnsupportedOperationException when {@link #maxAtomicWrites()} is 0
     * @throws IllegalArgumentException when there are more writes than {@link #maxAtomicWrites()}, or a reference
     *     does not point to an earlier write
     * @throws RetriableException when the target was unavailable; nothing was kept
     */
    default List<RecordResult> writeAtomically(List<RecordWrite> writes) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no transaction to write in; "
                + "check maxAtomicWrites() first");
    }

    /** Runs a query and reads every page; fails rather than read more records than the client allows. */
    QueryResult query(String soql);

    /**
     * The id of the one record of {@code object} whose {@code field} equals {@code value}; empty when none.
     * The value is sent as one escaped literal, so it cannot change the query.
     *
     * @throws MappingException when more than one record matches
     * @throws IllegalArgumentException when {@code object} or {@code field} is not an API name
     */
    Optional<String> findId(String object, String field, Object value);

    /** The object's fields. Cached for the life of the client. */
    ObjectDescription describe(String object);

    /** How many HTTP requests this client has sent, retries and token requests included. */
    long callCount();

    /** Sends what is held back and waits for it; then refuses new writes. */
    @Override
    void close();
}
