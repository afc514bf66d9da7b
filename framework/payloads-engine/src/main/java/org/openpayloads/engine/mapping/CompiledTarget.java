package org.openpayloads.engine.mapping;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.expr.Expression;
import org.openpayloads.engine.model.Target;

/**
 * One target, compiled.
 *
 * @param condition null when the target always runs
 * @param repeat null when the target makes one record per payload
 * @param writesFollow whether a write may come after this target's writes, so that undoing them may be needed
 */
record CompiledTarget(Target target, @Nullable Expression condition, @Nullable ElementReader repeat,
                      List<CompiledMapping> mappings, boolean writesFollow) {

    String name() {
        return target.apiName();
    }
}
