package org.openpayloads.org.soql;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A parsed query: what {@link SoqlParser#parse} returns. Names are as written; {@link #compile} resolves them.
 *
 * @param source the query text, kept for error messages
 * @param fields the selected paths in query order; empty exactly when {@code countOnly}
 * @param countOnly whether the query selects {@code COUNT()}
 * @param object the object name as written after FROM
 * @param objectPosition the offset of the object name in {@code source}
 */
public record SoqlQuery(String source, List<FieldPath> fields, boolean countOnly, String object, int objectPosition,
        Optional<Condition> where, List<OrderBy> orderBy, OptionalInt limit, OptionalInt offset) {

    public SoqlQuery {
        Objects.requireNonNull(source, "source");
        fields = List.copyOf(fields);
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(where, "where");
        orderBy = List.copyOf(orderBy);
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(offset, "offset");
        if (countOnly != fields.isEmpty()) {
            throw new IllegalArgumentException(countOnly ? "COUNT() selects no fields, got " + fields
                    : "A query selects COUNT() or at least one field");
        }
    }

    /** Resolves and type-checks the query, with relative dates such as TODAY taken in UTC. */
    public CompiledQuery compile(SchemaView schema) {
        return compile(schema, Clock.systemUTC());
    }

    /**
     * Resolves and type-checks the query. Relative dates are fixed now, from {@code clock} and in its zone, so
     * compile a query each time it runs rather than keeping the result across days.
     *
     * @throws SoqlException {@code INVALID_TYPE} for an unknown object, {@code INVALID_FIELD} for an unknown
     *     field or relationship, a duplicate field, or a value of the wrong type
     */
    public CompiledQuery compile(SchemaView schema, Clock clock) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(clock, "clock");
        return new QueryCompiler(this, schema, clock).compile();
    }

    /** The query in canonical SOQL: keywords upper-case, names and literals as written. */
    public String toSoql() {
        StringBuilder soql = new StringBuilder("SELECT ")
                .append(countOnly ? "COUNT()" : fields.stream().map(FieldPath::text).collect(Collectors.joining(", ")))
                .append(" FROM ").append(object);
        where.ifPresent(condition -> soql.append(" WHERE ").append(condition.toSoql()));
        if (!orderBy.isEmpty()) {
            soql.append(" ORDER BY ").append(orderBy.stream().map(OrderBy::toSoql).collect(Collectors.joining(", ")));
        }
        limit.ifPresent(n -> soql.append(" LIMIT ").append(n));
        offset.ifPresent(n -> soql.append(" OFFSET ").append(n));
        return soql.toString();
    }
}
