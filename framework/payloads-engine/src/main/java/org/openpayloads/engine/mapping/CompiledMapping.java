package org.openpayloads.engine.mapping;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.model.NullRule;

/**
 * One field mapping, compiled: the target field, where its value comes from, and what to do with it.
 *
 * @param binding the field's describe and coercion context, kept across records
 */
record CompiledMapping(String field, ValueSource source, NullRule nullRule, Map<String, String> valueMap,
                       @Nullable String defaultValue, FieldBinding binding) {
}
