package org.openpayloads.engine.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.expr.EvaluationContext;

/** What the mappings of one record see: the body, the current item of a repeated target, the clock and zone. */
final class RecordScope implements EvaluationContext {

    private final Map<String, ElementReader> readers;
    private final JsonNode root;
    private final @Nullable JsonNode item;
    private final Clock clock;
    private final ZoneId zone;

    RecordScope(Map<String, ElementReader> readers, JsonNode root, @Nullable JsonNode item, Clock clock, ZoneId zone) {
        this.readers = readers;
        this.root = root;
        this.item = item;
        this.clock = clock;
        this.zone = zone;
    }

    @Nullable Object read(ElementReader reader) {
        return reader.read(root, item);
    }

    @Override
    public @Nullable Object read(String path) {
        ElementReader reader = readers.get(path);
        if (reader == null) {
            // The compiler registers every path an expression reads; compiling one here would be a bug.
            throw new IllegalStateException("path " + path + " was not compiled with the plan");
        }
        return reader.read(root, item);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }
}
