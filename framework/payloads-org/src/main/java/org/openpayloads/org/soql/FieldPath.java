package org.openpayloads.org.soql;

import java.util.List;
import java.util.Objects;

/**
 * A field as written in the query: {@code Name}, or a path through parent relationships such as
 * {@code Account.Owner.Name}. Names keep the query's spelling until {@link SoqlQuery#compile} resolves them.
 *
 * @param segments relationship names, then the field name; never empty
 * @param position the offset of the path's first character in the query, for error messages
 */
public record FieldPath(List<String> segments, int position) {

    public FieldPath {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("A field path needs at least one segment");
        }
        for (String segment : segments) {
            Objects.requireNonNull(segment, "segment");
        }
    }

    /** The path as written, segments joined with dots. */
    public String text() {
        return String.join(".", segments);
    }
}
