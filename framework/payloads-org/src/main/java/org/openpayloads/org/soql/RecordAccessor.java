package org.openpayloads.org.soql;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A record as a compiled query reads it. Values are typed: a String for id, string, textarea, email, phone,
 * url, picklist and reference fields; a Boolean; a {@link java.math.BigDecimal} for int, double, currency and
 * percent (other {@link Number}s are accepted too); a {@link java.time.LocalDate} for date; an
 * {@link java.time.OffsetDateTime} for datetime; or null. A value of another type fails the query with an
 * {@link IllegalStateException}.
 */
public interface RecordAccessor {

    /** The value of the field with this canonical name, or null. */
    @Nullable Object value(String field);

    /** The parent reached by the relationship with this canonical name, or empty when the reference is null. */
    Optional<RecordAccessor> parent(String relationshipName);
}
