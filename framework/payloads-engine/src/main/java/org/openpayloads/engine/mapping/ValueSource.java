package org.openpayloads.engine.mapping;

import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.expr.Expression;

/** Where one mapping's value comes from, compiled. Immutable. */
sealed interface ValueSource {

    /** The element path named in coercion errors, when the value comes straight from one. */
    default @Nullable String elementPath() {
        return null;
    }

    record Element(ElementReader reader) implements ValueSource {
        @Override
        public String elementPath() {
            return reader.path();
        }
    }

    record Static(String value) implements ValueSource {
    }

    record Computed(String source, Expression expression) implements ValueSource {
    }

    /** {@code SELECT returnField FROM object WHERE matchField = <value at reader>}. */
    record Lookup(String object, ElementReader reader, String matchField, String returnField) implements ValueSource {
        @Override
        public String elementPath() {
            return reader.path();
        }
    }

    record Credential(String credential, String attribute) implements ValueSource {
    }

    /** A field of what an earlier target wrote; {@code Id} is the record's id. */
    record TargetResult(String target, String field) implements ValueSource {
    }
}
