package org.openpayloads.org.soql;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A field path after compilation: canonical names, and how to read the value from a record.
 *
 * @param path the canonical path, such as {@code Account.Name}
 * @param relationships the canonical relationship names to follow, in order
 * @param field the canonical field name on the last object
 * @param type the field's describe type
 */
record ResolvedPath(String path, List<String> relationships, String field, String type, FieldKind kind) {

    ResolvedPath {
        relationships = List.copyOf(relationships);
    }

    /** The value at the end of the path, normalized; null when a parent on the way is missing. */
    @Nullable Object read(RecordAccessor record) {
        RecordAccessor current = record;
        for (String relationship : relationships) {
            Optional<RecordAccessor> parent = current.parent(relationship);
            if (parent.isEmpty()) {
                return kind.normalize(null, path);
            }
            current = parent.get();
        }
        return kind.normalize(current.value(field), path);
    }
}
