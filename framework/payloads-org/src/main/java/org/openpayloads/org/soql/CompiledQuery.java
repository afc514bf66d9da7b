package org.openpayloads.org.soql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A query resolved against a schema: what to select, which records match, in what order, and how many.
 * Immutable and thread-safe; relative dates such as TODAY were fixed when it was compiled.
 *
 * <p>Comparisons follow Salesforce: text {@code =} ignores case, LIKE ignores case, a comparison with a null
 * value is false except {@code = null} and {@code != null}, and a null checkbox reads as false. A path through a
 * missing parent reads as null.
 */
public final class CompiledQuery {

    private final String object;
    private final boolean countOnly;
    private final List<String> selectedPaths;
    private final List<EqualityHint> equalityHints;
    private final Predicate<RecordAccessor> filter;
    private final Comparator<RecordAccessor> ordering;
    private final OptionalInt limit;
    private final OptionalInt offset;
    private final Set<String> relationshipsUsed;

    CompiledQuery(String object, boolean countOnly, List<String> selectedPaths, List<EqualityHint> equalityHints,
            Predicate<RecordAccessor> filter, Comparator<RecordAccessor> ordering, OptionalInt limit,
            OptionalInt offset, Collection<String> relationshipsUsed) {
        this.object = object;
        this.countOnly = countOnly;
        this.selectedPaths = List.copyOf(selectedPaths);
        this.equalityHints = List.copyOf(equalityHints);
        this.filter = filter;
        this.ordering = ordering;
        this.limit = limit;
        this.offset = offset;
        this.relationshipsUsed = Set.copyOf(relationshipsUsed);
    }

    /** The canonical name of the queried object. */
    public String object() {
        return object;
    }

    /** Whether the query is {@code SELECT COUNT()}: the answer is a number of records, not records. */
    public boolean countOnly() {
        return countOnly;
    }

    /** The selected paths in query order and canonical spelling, such as {@code Account.Name}; empty only for COUNT(). */
    public List<String> selectedPaths() {
        return selectedPaths;
    }

    /** Top-level ANDed {@code field = literal} conditions on the object's own fields, for index narrowing. */
    public List<EqualityHint> equalityHints() {
        return equalityHints;
    }

    /** Whether {@code record}, a record of {@link #object()}, meets the WHERE condition. */
    public boolean matches(RecordAccessor record) {
        return filter.test(Objects.requireNonNull(record, "record"));
    }

    /** The ORDER BY order; every record ties when the query has none, so a stable sort keeps the input order. */
    public Comparator<RecordAccessor> ordering() {
        return ordering;
    }

    public OptionalInt limit() {
        return limit;
    }

    public OptionalInt offset() {
        return offset;
    }

    /**
     * Every relationship path that the query follows, in canonical spelling: {@code Account.Owner.Name} needs
     * {@code Account} and {@code Account.Owner}.
     */
    public Set<String> relationshipsUsed() {
        return relationshipsUsed;
    }

    /**
     * Runs the query over {@code candidates}: keeps the matching ones, sorts them stably, then skips
     * {@link #offset()} and keeps at most {@link #limit()}. For COUNT() the answer is the size of the result.
     */
    public <R extends RecordAccessor> List<R> apply(Iterable<? extends R> candidates) {
        List<R> result = new ArrayList<>();
        for (R candidate : candidates) {
            if (matches(candidate)) {
                result.add(candidate);
            }
        }
        result.sort(ordering);
        int from = Math.min(offset.orElse(0), result.size());
        int to = (int) Math.min((long) from + limit.orElse(Integer.MAX_VALUE), result.size());
        return List.copyOf(result.subList(from, to));
    }
}
