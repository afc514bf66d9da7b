package org.openpayloads.engine.mapping;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one record of a target came to, for later targets that use its result.
 *
 * @param id the record's id; in a preview, a {@link Pending} when only the write would tell it
 * @param fields the values sent
 * @param failed whether the record failed, so that its id is unknown
 */
record Written(Action action, @Nullable Object id, Map<String, @Nullable Object> fields, boolean failed) {

    static final Written FAILED = new Written(Action.SKIP, null, Map.of(), true);
}
