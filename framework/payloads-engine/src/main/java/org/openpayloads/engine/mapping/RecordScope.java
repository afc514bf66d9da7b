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
    /** The nodes of the plan's plain paths, read once per record: {@link #ABSENT} when there is none. */
    private @Nullable Object @Nullable [] nodes;

    private static final Object ABSENT = new Object();

    private final int slots;

    RecordScope(Map<String, ElementReader> readers, int slots, JsonNode root, @Nullable JsonNode item, Clock clock,
                ZoneId zone) {
        this.readers = readers;
        this.slots = slots;
        this.root = root;
        this.item = item;
        this.clock = clock;
        this.zone = zone;
    }

    @Nullable Object read(ElementReader reader) {
        if (reader instanceof SimplePath simple && simple.slot() >= 0) {
            JsonNode node = node(simple);
            return node == null || node.isNull() || node.isMissingNode() ? null : node;
        }
        return reader.read(root, item);
    }

    /** A plain path's node, through its parent's: {@code $.data.object} is walked once for all paths below it. */
    private @Nullable JsonNode node(SimplePath path) {
        if (nodes == null) {
            nodes = new Object[slots];
        }
        Object known = nodes[path.slot()];
        if (known != null) {
            return known == ABSENT ? null : (JsonNode) known;
        }
        JsonNode node;
        SimplePath parent = path.parent();
        if (parent != null) {
            JsonNode above = node(parent);
            node = above == null ? null : path.lastStep(above);
        } else if (path.depth() == 1) {
            node = path.lastStep(path.start(root, item));
        } else {
            Object read = path.read(root, item);
            node = read instanceof JsonNode found ? found : null;
        }
        nodes[path.slot()] = node == null ? ABSENT : node;
        return node;
    }

    @Override
    public @Nullable Object read(String path) {
        ElementReader reader = readers.get(path);
        if (reader == null) {
            // The compiler registers every path an expression reads; compiling one here would be a bug.
            throw new IllegalStateException("path " + path + " was not compiled with the plan");
        }
        return read(reader);
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
