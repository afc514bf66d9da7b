package org.openpayloads.org.soql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A literal value in a condition.
 *
 * @param value the decoded value: a String for {@link Kind#STRING}, BigDecimal for {@link Kind#NUMBER}, Boolean,
 *     LocalDate, OffsetDateTime, {@link RelativeDate}, or null for {@link Kind#NULL}
 * @param text the literal as written; a LIKE pattern is read from it, because {@code \%} and {@code %} decode
 *     to the same character but mean different things there
 * @param position the offset of the literal in the query
 */
public record Literal(Kind kind, @Nullable Object value, String text, int position) {

    /** What a literal is, before it meets the type of its field. */
    public enum Kind {
        STRING(String.class), NUMBER(BigDecimal.class), BOOLEAN(Boolean.class), NULL(Void.class),
        DATE(LocalDate.class), DATETIME(OffsetDateTime.class), RELATIVE_DATE(RelativeDate.class);

        private final Class<?> valueType;

        Kind(Class<?> valueType) {
            this.valueType = valueType;
        }
    }

    public Literal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (kind == Kind.NULL ? value != null : !kind.valueType.isInstance(value)) {
            throw new IllegalArgumentException("A " + kind + " literal cannot hold "
                    + (value == null ? "null" : value.getClass().getName()));
        }
    }
}
