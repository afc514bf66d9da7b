package org.openpayloads.engine.mapping;

import java.util.List;
import java.util.Map;
import org.openpayloads.engine.model.Payload;

/**
 * A payload's targets, compiled: every element path, expression and value map made ready once, so that running
 * the plan compiles nothing. Immutable and thread-safe; made by {@link MappingCompiler}.
 */
public final class MappingPlan {

    private final String integration;
    private final Payload payload;
    private final List<CompiledTarget> targets;
    private final Map<String, ElementReader> readers;
    private final int slots;

    MappingPlan(String integration, Payload payload, List<CompiledTarget> targets, Map<String, ElementReader> readers,
                int slots) {
        this.integration = integration;
        this.payload = payload;
        this.targets = List.copyOf(targets);
        this.readers = Map.copyOf(readers);
        this.slots = slots;
    }

    /** The API name of the payload's integration. */
    public String integration() {
        return integration;
    }

    /** The payload as it was when compiled. */
    public Payload payload() {
        return payload;
    }

    /** The targets, in the order they run. */
    List<CompiledTarget> targets() {
        return targets;
    }

    /** Every element path the plan reads, by its text: expressions find theirs here. */
    Map<String, ElementReader> readers() {
        return readers;
    }

    /** How many path nodes a record keeps, so that shared prefixes are walked once. */
    int slots() {
        return slots;
    }

    @Override
    public String toString() {
        return "MappingPlan[" + integration + "/" + payload.apiName() + " v" + payload.audit().version() + ", "
                + targets.size() + " targets, " + readers.size() + " paths]";
    }
}
