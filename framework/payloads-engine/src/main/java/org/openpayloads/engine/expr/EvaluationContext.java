package org.openpayloads.engine.expr;

import java.time.Clock;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** What an expression sees of one payload, and of the world: the time and the integration's zone. */
public interface EvaluationContext {

    /**
     * The value at an element path such as {@code $.data.object.id} or {@code @.price}: a Jackson node or a plain
     * Java value, or null when there is none.
     */
    @Nullable Object read(String path);

    /** The clock {@code now()} and {@code today()} read. */
    Clock clock();

    /** The zone {@code today()} uses, and date functions when no zone is given. */
    ZoneId zone();
}
