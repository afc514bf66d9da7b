package org.openpayloads.engine.mapping;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Lookup answers shared across jobs: what {@code SELECT returnField FROM object WHERE matchField = value} found,
 * for a time. Only found records are kept, so a record created elsewhere is seen at once. A write through the
 * engine to an object drops every answer about that object; writes made elsewhere are seen when the entry
 * expires. Thread-safe.
 */
public final class LookupCache {

    /** One lookup's question. The value is kept as text, so that 42 and "42" ask the same thing. */
    record Key(String object, String matchField, String value, String returnField) {
        static Key of(String object, String matchField, Object value, String returnField) {
            return new Key(object.toLowerCase(Locale.ROOT), matchField.toLowerCase(Locale.ROOT), value.toString(),
                    returnField.toLowerCase(Locale.ROOT));
        }
    }

    /** An answer, and the generation of its object it was read in. */
    private record Answer(long generation, Object found) {
    }

    private final boolean enabled;
    private final Cache<Key, Answer> answers;
    /**
     * Object name to how many times it was written. Invalidating moves the generation on instead of scanning the
     * cache, and an answer read before a write but stored after it is never served.
     */
    /** Writes per object, by name in any case; read and counted without allocating, as every write counts. */
    private final ConcurrentSkipListMap<String, AtomicLong> generations =
            new ConcurrentSkipListMap<>(String.CASE_INSENSITIVE_ORDER);

    /**
     * @param timeToLive how long an answer is trusted; zero turns the cache off
     * @param maximumSize how many answers are kept; zero turns the cache off
     */
    public LookupCache(Duration timeToLive, long maximumSize) {
        this(timeToLive, maximumSize, Ticker.systemTicker());
    }

    /** @param ticker the time entries expire by; tests pass a fake one instead of sleeping */
    LookupCache(Duration timeToLive, long maximumSize, Ticker ticker) {
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("timeToLive was " + timeToLive + "; expected zero or more");
        }
        if (maximumSize < 0) {
            throw new IllegalArgumentException("maximumSize was " + maximumSize + "; expected zero or more");
        }
        this.enabled = !timeToLive.isZero() && maximumSize > 0;
        this.answers = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(timeToLive)
                .maximumSize(enabled ? maximumSize : 0).build();
    }

    /** A cache that keeps nothing. */
    public static LookupCache disabled() {
        return new LookupCache(Duration.ZERO, 0);
    }

    /** The generation of {@code object}'s answers now; pass it to {@link #put} with what was read after it. */
    long generation(String object) {
        AtomicLong writes = generations.get(object);
        return writes == null ? 0 : writes.get();
    }

    Optional<Object> get(Key key) {
        Answer answer = enabled ? answers.getIfPresent(key) : null;
        if (answer == null) {
            return Optional.empty();
        }
        if (answer.generation() != generation(key.object())) {
            answers.asMap().remove(key, answer); // written since: make room for a fresh answer
            return Optional.empty();
        }
        return Optional.of(answer.found());
    }

    /**
     * Keeps what a lookup found, unless the object was written since {@code generation} was taken.
     *
     * @param found null when nothing matched, which is not kept
     */
    void put(Key key, long generation, @Nullable Object found) {
        if (enabled && found != null && generation == generation(key.object())) {
            answers.put(key, new Answer(generation, found));
        }
    }

    /** Forgets every answer about {@code object}, after a write to it. */
    public void invalidate(String object) {
        generations.computeIfAbsent(object, name -> new AtomicLong()).incrementAndGet();
    }

    /** How many answers could be served now. */
    public long size() {
        answers.cleanUp();
        return answers.asMap().entrySet().stream()
                .filter(entry -> entry.getValue().generation() == generation(entry.getKey().object())).count();
    }
}
