package org.openpayloads.engine.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One line of a mapping: {@code field ← value source}.
 *
 * <p>For a target, {@code field} is a record field such as {@code Name}; for a source, it is an element
 * path of the outgoing body. The meaning of {@code value} and {@code reference} depends on
 * {@link #sourceType()}:
 * <ul>
 *   <li>ELEMENT: value = element path.</li>
 *   <li>FIELD: value = record field, for example {@code Account.Name}.</li>
 *   <li>STATIC: value = the fixed value.</li>
 *   <li>EXPRESSION: value = the expression.</li>
 *   <li>LOOKUP: reference = object; value = path whose value is matched; plus match and return fields.</li>
 *   <li>CREDENTIAL: reference = credential API name; value = attribute name.</li>
 *   <li>TARGET_RESULT: reference = earlier target's API name; value = result field, {@code id} by default.</li>
 * </ul>
 *
 * @param valueMap a translation table applied to the value, for picklists
 * @param defaultValue used when the value is null, and for values missing from {@code valueMap}
 */
public record FieldMapping(String field, ValueSourceType sourceType, @Nullable String value,
                           @Nullable String reference, @Nullable String lookupMatchField,
                           @Nullable String lookupReturnField, NullRule nullRule, Map<String, String> valueMap,
                           @Nullable String defaultValue) {

    public FieldMapping {
        nullRule = nullRule == null ? NullRule.IGNORE : nullRule;
        valueMap = valueMap == null ? Map.of() : Map.copyOf(valueMap);
    }

    /** A mapping that copies an element of the body into {@code field}. */
    public static FieldMapping element(String field, String path) {
        return new FieldMapping(field, ValueSourceType.ELEMENT, path, null, null, null, NullRule.IGNORE, Map.of(),
                null);
    }
}
