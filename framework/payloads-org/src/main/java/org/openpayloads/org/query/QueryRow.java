package org.openpayloads.org.query;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A record as a query sees it: typed values by field name (any case) and its parents by relationship. */
public interface QueryRow {

    /** String, Boolean, BigDecimal, LocalDate, OffsetDateTime, or null. */
    @Nullable Object value(String field);

    Optional<QueryRow> parent(String relationshipName);
}
