package org.openpayloads.engine.mapping;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Salesforce API names are case-insensitive: finds a field in a map however the configuration spells it. */
final class FieldNames {

    private FieldNames() {
    }

    /** The key of {@code map} that names {@code field}: the same spelling first, else any case; null if none. */
    static @Nullable String key(Map<String, ?> map, String field) {
        if (map.containsKey(field)) {
            return field;
        }
        for (String key : map.keySet()) {
            if (key.equalsIgnoreCase(field)) {
                return key;
            }
        }
        return null;
    }

    /** The value of {@code field} in {@code map}, however either spells it; null when absent. */
    static @Nullable Object get(Map<String, ? extends @Nullable Object> map, String field) {
        String key = key(map, field);
        return key == null ? null : map.get(key);
    }
}
