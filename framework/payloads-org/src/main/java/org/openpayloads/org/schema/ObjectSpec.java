package org.openpayloads.org.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A custom object as an admin asks for it, with its first fields; null label means "from the name". */
public record ObjectSpec(@Nullable String name, @Nullable String label, @Nullable String labelPlural,
                         List<FieldSpec> fields) {

    public ObjectSpec {
        fields = List.copyOf(fields);
    }
}
