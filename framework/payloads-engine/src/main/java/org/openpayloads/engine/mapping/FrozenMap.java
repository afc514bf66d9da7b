package org.openpayloads.engine.mapping;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A map of field values that the engine made for one record and no longer changes, so that a
 * {@link RecordOperation} can keep it without a copy. Read-only: every change throws. Null values are kept, in
 * the order they were put.
 */
final class FrozenMap extends AbstractMap<String, @Nullable Object> {

    private final Map<String, @Nullable Object> owned;

    /** @param owned a map that nothing else holds or changes afterwards */
    private FrozenMap(Map<String, @Nullable Object> owned) {
        this.owned = owned;
    }

    static Map<String, @Nullable Object> of(Map<String, @Nullable Object> owned) {
        return owned instanceof FrozenMap ? owned : new FrozenMap(owned);
    }

    @Override
    public Set<Entry<String, @Nullable Object>> entrySet() {
        return Collections.unmodifiableMap(owned).entrySet();
    }

    @Override
    public @Nullable Object get(Object key) {
        return owned.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return owned.containsKey(key);
    }

    @Override
    public int size() {
        return owned.size();
    }
}
