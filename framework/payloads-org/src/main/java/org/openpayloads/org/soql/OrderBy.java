package org.openpayloads.org.soql;

import java.util.Objects;

/**
 * One ORDER BY item. When the query names no NULLS clause, nulls sort as the lowest values: first when
 * ascending, last when descending.
 */
public record OrderBy(FieldPath field, Direction direction, Nulls nulls) {

    /** ASC or DESC. */
    public enum Direction { ASC, DESC }

    /** NULLS FIRST or NULLS LAST. */
    public enum Nulls { FIRST, LAST }

    public OrderBy {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(nulls, "nulls");
    }

    /** The default null placement for a direction. */
    static Nulls defaultNulls(Direction direction) {
        return direction == Direction.ASC ? Nulls.FIRST : Nulls.LAST;
    }

    /** The item in canonical SOQL, direction and null placement spelled out. */
    public String toSoql() {
        return field.text() + " " + direction + " NULLS " + nulls;
    }
}
