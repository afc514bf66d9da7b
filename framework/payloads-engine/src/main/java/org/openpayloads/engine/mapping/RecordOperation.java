package org.openpayloads.engine.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One record operation, exactly as a run sends it and as a preview shows it.
 *
 * @param target the target's API name
 * @param index the item's position for a repeated target, 0 otherwise
 * @param externalIdField the field an UPSERT matches on; null for other actions
 * @param recordId the record's id when it is known before the write: the record found by match fields, or an
 *     {@code Id} mapping. In a preview, the id of a record an earlier target would insert shows as
 *     {@code {account.id}}.
 * @param match the values the record was looked for by (match fields, or the external id)
 * @param fields field API name to the coerced value sent; null clears a field
 * @param reason why a SKIP skipped, null otherwise
 */
public record RecordOperation(String target, int index, String object, Action action,
                              @Nullable String externalIdField, @Nullable String recordId,
                              Map<String, @Nullable Object> match, Map<String, @Nullable Object> fields,
                              @Nullable String reason) {

    public RecordOperation {
        // The engine's own maps are frozen already; a copy per record would cost more than the mapping itself.
        match = match instanceof FrozenMap ? match : Collections.unmodifiableMap(new LinkedHashMap<>(match));
        fields = fields instanceof FrozenMap ? fields : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
