package org.openpayloads.api.records;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every record a query matched, all pages together.
 *
 * @param totalSize how many records the target says matched
 * @param records field name to value, in the order the target sent them: strings, numbers
 *     ({@link java.math.BigDecimal} for decimals), booleans, nulls, and maps for parent relationships or
 *     child sub-queries. The target's per-record metadata ({@code attributes}) is left out.
 */
public record QueryResult(long totalSize, List<Map<String, @Nullable Object>> records) {

    public QueryResult {
        if (totalSize < 0) {
            throw new IllegalArgumentException("totalSize was " + totalSize + "; expected 0 or more");
        }
        // Values may be null (a blank field), which Map.copyOf refuses.
        records = records.stream().map(r -> Collections.unmodifiableMap(new LinkedHashMap<>(r))).toList();
    }
}
