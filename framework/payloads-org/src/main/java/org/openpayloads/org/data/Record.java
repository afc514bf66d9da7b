package org.openpayloads.org.data;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A stored record as the rest of the org sees it: immutable, with typed values (see {@link Values}) under
 * their canonical field names. System fields come from their own columns.
 */
public record Record(long rowId, String objectName, String id, Map<String, Object> values, @Nullable String ownerId,
                     @Nullable String createdById, Instant createdDate, @Nullable String lastModifiedById,
                     Instant lastModifiedDate, Instant systemModstamp) {

    public Record {
        values = Collections.unmodifiableMap(values);
    }

    /** The value of a field by its canonical name, system fields included; null when unset. */
    public @Nullable Object value(String field) {
        return switch (field) {
            case "Id" -> id;
            case "IsDeleted" -> Boolean.FALSE;
            case "OwnerId" -> ownerId;
            case "CreatedById" -> createdById;
            case "CreatedDate" -> Values.utc(createdDate);
            case "LastModifiedById" -> lastModifiedById;
            case "LastModifiedDate" -> Values.utc(lastModifiedDate);
            case "SystemModstamp" -> Values.utc(systemModstamp);
            default -> values.get(field);
        };
    }
}
