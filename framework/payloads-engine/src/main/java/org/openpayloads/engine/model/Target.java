package org.openpayloads.engine.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where an inbound payload's data goes: one record operation per job (or per item of a repeated
 * element).
 *
 * @param order targets run in ascending order
 * @param object the record's object, for example {@code Account}
 * @param externalIdField the field an UPSERT matches on
 * @param matchFields the fields UPDATE and CREATE_IF_MISSING find the record by
 * @param condition an expression; the target is skipped when it is false
 * @param repeatPath an array element path; each item makes one record
 * @param onTooLong what to do with a text longer than its field allows
 */
public record Target(String apiName, String label, int order, String object, Operation operation,
                     @Nullable String externalIdField, List<String> matchFields, WhenPresent whenPresent,
                     @Nullable String condition, @Nullable String repeatPath, List<FieldMapping> mappings,
                     TooLong onTooLong) {

    public Target {
        matchFields = matchFields == null ? List.of() : List.copyOf(matchFields);
        whenPresent = whenPresent == null ? WhenPresent.UPDATE : whenPresent;
        mappings = mappings == null ? List.of() : List.copyOf(mappings);
        onTooLong = onTooLong == null ? TooLong.FAIL : onTooLong;
    }

    /** A target that fails on a text too long for its field. */
    public Target(String apiName, String label, int order, String object, Operation operation,
                  @Nullable String externalIdField, List<String> matchFields, WhenPresent whenPresent,
                  @Nullable String condition, @Nullable String repeatPath, List<FieldMapping> mappings) {
        this(apiName, label, order, object, operation, externalIdField, matchFields, whenPresent, condition, repeatPath,
                mappings, TooLong.FAIL);
    }
}
