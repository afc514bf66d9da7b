package org.openpayloads.org.soql;

import java.util.Objects;

/**
 * A {@code field = value} condition that every matching record meets, for narrowing candidates with an index
 * before calling {@link CompiledQuery#matches}. The org must still call {@code matches}: a hint is necessary,
 * not sufficient. For text fields the match ignores case, so an index must fold case to use the hint.
 *
 * @param field the canonical name of a field of the queried object itself
 * @param value the value converted to the field's Java type (String, BigDecimal, LocalDate or OffsetDateTime)
 */
public record EqualityHint(String field, Object value) {

    public EqualityHint {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
    }
}
