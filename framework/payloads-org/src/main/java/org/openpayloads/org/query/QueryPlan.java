package org.openpayloads.org.query;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/** A compiled query: what to read, which records match, in what order, and how many. */
public interface QueryPlan {

    /** The object queried, as named in FROM. */
    String object();

    /** {@code SELECT COUNT() ...}: only the number of matching records is answered. */
    boolean countOnly();

    /** The selected fields in order, with parent fields as paths such as {@code Account.Name}. */
    List<String> selectedPaths();

    /** {@code field = literal} conditions that every match satisfies, to narrow candidates by index. */
    List<Hint> equalityHints();

    boolean matches(QueryRow row);

    /** The ORDER BY; comparing equal for every pair when there is none. */
    Comparator<QueryRow> ordering();

    OptionalInt limit();

    OptionalInt offset();

    /** The parent relationships the query reads, such as {@code Account}; their records are loaded in bulk. */
    Set<String> relationshipsUsed();

    /** A top-level {@code field = value} conjunct. */
    record Hint(String field, Object value) {
    }
}
