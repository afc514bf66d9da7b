package org.openpayloads.engine.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.records.QueryResult;
import org.openpayloads.api.records.RecordClient;
import org.openpayloads.api.records.RecordError;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;
import org.openpayloads.api.records.Soql;
import org.openpayloads.engine.model.Target;
import org.openpayloads.engine.model.TargetResult;
import org.openpayloads.engine.model.WhenPresent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a target's operation and field values into the record operation, finds the record where the operation
 * needs one, and writes it, unless this is a preview. Keeps what each write changed so that {@link #undo} can
 * reverse it. Not thread-safe: one per job.
 */
final class RecordWrites {

    private static final Logger LOG = LoggerFactory.getLogger(RecordWrites.class);
    private static final String ID = "Id";

    /** What a record held before this job wrote it; read only where undoing may need it. */
    private record Before(boolean read, @Nullable Map<String, @Nullable Object> values) {
        static final Before NOT_READ = new Before(false, null);
        static final Before ABSENT = new Before(true, null);
    }

    /** A write that went through, and how to reverse it. */
    private record Done(String target, int index, String object, Action action, String id, @Nullable Boolean created,
                        Before before) {
    }

    /** How undoing one write went. */
    private record Reversal(boolean undone, String how) {
    }

    private final RecordClient client;
    private final ValueResolver values;
    private final boolean dryRun;
    private final boolean findExisting;
    private final boolean allowPartial;
    private final List<RecordOperation> operations = new ArrayList<>();
    private final List<Done> done = new ArrayList<>();
    /** In a preview, the writes a run would send, in order. */
    private final List<PlannedWrite> planned = new ArrayList<>();

    /**
     * @param dryRun plan the writes instead of sending them
     * @param findExisting in a dry run, read the id of the record each upsert would change, for a preview to show
     */
    RecordWrites(RecordClient client, ValueResolver values, boolean dryRun, boolean findExisting,
                 boolean allowPartial) {
        this.client = client;
        this.values = values;
        this.dryRun = dryRun;
        this.findExisting = findExisting;
        this.allowPartial = allowPartial;
    }

    List<RecordOperation> operations() {
        return operations;
    }

    /** In a preview, the writes a run would send, in order; whether each can be sent in a transaction. */
    List<PlannedWrite> planned() {
        return planned;
    }

    TargetResult skip(CompiledTarget target, int index, String reason) {
        operations.add(new RecordOperation(target.name(), index, target.target().object(), Action.SKIP, null, null,
                Map.of(), Map.of(), reason));
        return new TargetResult(target.name(), index, target.target().object(), Action.SKIP.name(), null, null, true,
                null, reason);
    }

    /** @param fields this record's own values (a new map per record), from which a mapped Id is taken out */
    TargetResult execute(CompiledTarget target, int index, Map<String, @Nullable Object> fields) {
        Target config = target.target();
        // A String; in a preview, a Pending when an earlier target would make the record.
        Object id = fields.remove(ID);
        return switch (config.operation()) {
            case INSERT -> write(target, index, Action.INSERT, null, Map.of(), fields);
            case UPSERT -> write(target, index, Action.UPSERT, null, externalId(config, fields), fields);
            case UPDATE -> {
                Map<String, @Nullable Object> match = match(config, fields, id);
                Object found = id != null ? id : find(config, match);
                if (found == null) {
                    throw new RecordFailure("NOT_FOUND", "no " + config.object() + " matches " + match + " to update");
                }
                yield write(target, index, Action.UPDATE, found, match, fields);
            }
            case CREATE_IF_MISSING -> {
                Map<String, @Nullable Object> match = match(config, fields, null);
                String found = find(config, match);
                if (found == null) {
                    yield write(target, index, Action.INSERT, null, match, fields);
                }
                yield config.whenPresent() == WhenPresent.SKIP ? present(target, index, found, match, fields)
                        : write(target, index, Action.UPDATE, found, match, fields);
            }
            case DELETE -> {
                boolean byExternalId = id == null && config.matchFields().isEmpty() && config.externalIdField() != null;
                Map<String, @Nullable Object> match = byExternalId ? externalId(config, fields)
                        : match(config, fields, id);
                Object found = id != null || byExternalId ? id : find(config, match);
                if (found == null && !byExternalId) {
                    throw new RecordFailure("NOT_FOUND", "no " + config.object() + " matches " + match + " to delete");
                }
                yield write(target, index, Action.DELETE, found, match, Map.of());
            }
        };
    }

    /** CREATE_IF_MISSING found the record and is set to skip: later targets still get its id. */
    private TargetResult present(CompiledTarget target, int index, String found, Map<String, @Nullable Object> match,
                                 Map<String, @Nullable Object> fields) {
        String object = target.target().object();
        String reason = "a matching " + object + " exists";
        values.recordOutcome(target, new Written(Action.SKIP, found, fields, false));
        operations.add(new RecordOperation(target.name(), index, object, Action.SKIP, null, found, shown(match),
                Map.of(), reason));
        return new TargetResult(target.name(), index, object, Action.SKIP.name(), found, false, true, null, reason);
    }

    /**
     * @param recordId the record's id when known before the write: a String; in a preview, possibly a Pending
     * @param match what the record was found by; for UPSERT and DELETE by external id, exactly that field
     */
    private TargetResult write(CompiledTarget target, int index, Action action, @Nullable Object recordId,
                               Map<String, @Nullable Object> match, Map<String, @Nullable Object> fields) {
        String object = target.target().object();
        String externalIdField = action == Action.UPSERT || action == Action.DELETE && recordId == null
                ? match.keySet().iterator().next() : null;
        String id = recordId == null ? null : recordId.toString();
        RecordOperation operation = new RecordOperation(target.name(), index, object, action, externalIdField, id,
                FrozenMap.of(dryRun ? shown(match) : match), FrozenMap.of(dryRun ? shown(fields) : fields), null);
        operations.add(operation);
        if (dryRun) {
            planned.add(new PlannedWrite(operation, recordId instanceof String known ? known : null,
                    externalIdField == null ? null : match.get(externalIdField), match, fields));
            return previewed(target, index, action, recordId, match, fields);
        }
        Before before = remember(target, action, id, match, fields);
        RecordWrite write = switch (action) {
            case INSERT -> RecordWrite.insert(object, fields);
            case UPDATE -> RecordWrite.update(object, id, fields);
            case UPSERT -> RecordWrite.upsert(object, externalIdField, fields);
            case DELETE -> id != null ? RecordWrite.delete(object, id)
                    : RecordWrite.deleteByExternalId(object, externalIdField, match.get(externalIdField));
            case SKIP -> throw new IllegalStateException("a skip writes nothing");
        };
        RecordResult result = client.write(write);
        values.forget(object);
        if (!result.success()) {
            throw new RecordFailure(result.errors().isEmpty() ? "WRITE_FAILED" : result.errors().get(0).code(),
                    describe(result.errors()));
        }
        String written = result.id() != null ? result.id() : id;
        if (written == null && action == Action.UPSERT) {
            written = find(target.target(), match);
        }
        Boolean created = created(action, result, before);
        if (written != null) {
            done.add(new Done(target.name(), index, object, action, written, created, before));
        }
        values.recordOutcome(target, new Written(action, written, fields, false));
        return new TargetResult(target.name(), index, object, action.name(), written, created, true, null, null);
    }

    /** Whether the write made its record; null when nothing says so (an upsert whose client did not tell). */
    private static @Nullable Boolean created(Action action, RecordResult result, Before before) {
        return switch (action) {
            case INSERT -> Boolean.TRUE;
            case UPDATE -> Boolean.FALSE;
            case UPSERT -> result.created() != null ? result.created()
                    : before.read() ? Boolean.valueOf(before.values() == null) : null;
            case DELETE, SKIP -> null;
        };
    }

    /** A preview's write: what later targets see of it, without writing. */
    private TargetResult previewed(CompiledTarget target, int index, Action action, @Nullable Object recordId,
                                   Map<String, @Nullable Object> match, Map<String, @Nullable Object> fields) {
        Object id = recordId;
        if (id == null && action == Action.UPSERT && findExisting) {
            // An upsert of a record that exists keeps its id, so later targets are shown the real one. A plan
            // for a transaction skips the query: the transaction's answer gives the id.
            id = find(target.target(), match);
        }
        values.recordOutcome(target, new Written(action, id != null ? id
                : new Pending(target.name(), index, target.repeat() != null, planned.size() - 1), fields, false));
        return new TargetResult(target.name(), index, target.target().object(), action.name(),
                id == null ? null : id.toString(), null, true, null, null);
    }

    /**
     * The values an update is about to replace, when a later failure may mean putting them back: only without
     * partial success, and only where another write may follow.
     */
    private Before remember(CompiledTarget target, Action action, @Nullable String recordId,
                            Map<String, @Nullable Object> match, Map<String, @Nullable Object> fields) {
        if (allowPartial || !target.writesFollow() || action == Action.INSERT || action == Action.DELETE) {
            return Before.NOT_READ;
        }
        List<String> restorable = fields.entrySet().stream()
                .filter(e -> !(e.getValue() instanceof Map) && (recordId != null || !match.containsKey(e.getKey())))
                .map(Map.Entry::getKey).toList();
        List<String> select = new ArrayList<>(List.of(ID));
        select.addAll(restorable);
        Map<String, @Nullable Object> where = recordId != null ? Map.of(ID, recordId) : match;
        QueryResult found = client.query(Soql.select(target.target().object(), select, where, 1));
        if (found.records().isEmpty()) {
            return Before.ABSENT;
        }
        Map<String, @Nullable Object> before = new LinkedHashMap<>();
        Map<String, @Nullable Object> row = found.records().get(0);
        for (String field : restorable) {
            before.put(field, FieldNames.get(row, field));
        }
        return new Before(true, before);
    }

    /** The values as a preview shows them: a pending id as {@code {account.id}}. */
    private static Map<String, @Nullable Object> shown(Map<String, @Nullable Object> values) {
        Map<String, @Nullable Object> shown = null;
        for (Map.Entry<String, @Nullable Object> entry : values.entrySet()) {
            if (entry.getValue() instanceof Pending && shown == null) {
                shown = new LinkedHashMap<>(values);
            }
        }
        if (shown == null) {
            return values;
        }
        shown.replaceAll((field, value) -> value instanceof Pending ? value.toString() : value);
        return shown;
    }

    /** The external id an UPSERT (or a DELETE by external id) sends, under the field's name as described. */
    private static Map<String, @Nullable Object> externalId(Target config, Map<String, @Nullable Object> fields) {
        String field = FieldNames.key(fields, config.externalIdField());
        Object value = field == null ? null : fields.get(field);
        if (isBlank(value)) {
            throw new RecordFailure("MISSING_EXTERNAL_ID", MappingCompiler.article(config.operation()) + " of "
                    + config.object() + " needs a value for its external id field " + config.externalIdField()
                    + ", but the mapping gave " + (value == null ? "none" : "a blank one"));
        }
        return Collections.singletonMap(field, value);
    }

    /** The values a record is found by: its Id, else its match fields, else its external id field. */
    private static Map<String, @Nullable Object> match(Target config, Map<String, @Nullable Object> fields,
                                                      @Nullable Object id) {
        Map<String, @Nullable Object> match = new LinkedHashMap<>();
        if (id != null) {
            match.put(ID, id);
            return match;
        }
        List<String> names = config.matchFields().isEmpty() && config.externalIdField() != null
                ? List.of(config.externalIdField()) : config.matchFields();
        if (names.isEmpty()) {
            throw new RecordFailure("MISSING_MATCH_VALUE", MappingCompiler.article(config.operation()) + " of "
                    + config.object() + " finds its record by Id, but the mapping gave no Id");
        }
        for (String name : names) {
            String field = FieldNames.key(fields, name);
            Object value = field == null ? null : fields.get(field);
            if (isBlank(value)) {
                throw new RecordFailure("MISSING_MATCH_VALUE", MappingCompiler.article(config.operation()) + " of "
                        + config.object() + " finds its record by " + name + ", but the mapping gave it no value");
            }
            match.put(field, value);
        }
        return match;
    }

    private static boolean isBlank(@Nullable Object value) {
        return value == null || value instanceof String text && text.isBlank();
    }

    /** The id of the one record that matches; null when none does. */
    private @Nullable String find(Target config, Map<String, @Nullable Object> match) {
        if (match.values().stream().anyMatch(Pending.class::isInstance)) {
            // A preview: the value is the id of a record this job would create, which no record can point to yet.
            return null;
        }
        QueryResult found = client.query(Soql.select(config.object(), List.of(ID), match, 2));
        if (found.records().size() > 1) {
            throw new RecordFailure("MULTIPLE_MATCHES", "more than one " + config.object() + " matches " + match
                    + "; expected at most one");
        }
        return found.records().isEmpty() ? null : String.valueOf(FieldNames.get(found.records().get(0), ID));
    }

    /**
     * Reverses this job's writes, newest first: deletes what it created and puts back what it updated. A delete
     * cannot be reversed through the API; that and any reversal that fails are reported on the record's result.
     */
    void undo(String reason, List<TargetResult> results) {
        for (int i = done.size() - 1; i >= 0; i--) {
            Done write = done.get(i);
            Reversal reversal;
            try {
                reversal = reverse(write);
            } catch (RuntimeException e) {
                reversal = new Reversal(false, "undoing it failed: " + e.getMessage());
            }
            if (!reversal.undone()) {
                LOG.warn("Could not undo {} of {} {}: {}", write.action(), write.object(), write.id(), reversal.how());
            }
            replace(results, write, new TargetResult(write.target(), write.index(), write.object(),
                    write.action().name(), write.id(), write.created(), false,
                    reversal.undone() ? "ROLLED_BACK" : "UNDO_FAILED",
                    (reversal.undone() ? "written, then undone because " : "written, but not undone after ")
                            + reason + ": " + reversal.how()));
            values.forget(write.object());
        }
        done.clear();
    }

    private Reversal reverse(Done write) {
        if (Boolean.TRUE.equals(write.created())) {
            RecordResult result = client.write(RecordWrite.delete(write.object(), write.id()));
            return result.success() ? new Reversal(true, "deleted the record it created")
                    : new Reversal(false, "deleting the record it created failed: " + describe(result.errors()));
        }
        if (write.action() == Action.DELETE) {
            return new Reversal(false, "a delete cannot be undone through the API; the record stays deleted");
        }
        Map<String, @Nullable Object> before = write.before().values();
        if (before == null) {
            return new Reversal(false, "its earlier values were not read");
        }
        if (before.isEmpty()) {
            return new Reversal(true, "no field to put back");
        }
        RecordResult result = client.write(RecordWrite.update(write.object(), write.id(), before));
        return result.success() ? new Reversal(true, "put back the earlier values of " + before.keySet())
                : new Reversal(false, "putting back the earlier values failed: " + describe(result.errors()));
    }

    static String describe(List<RecordError> errors) {
        return errors.stream().map(e -> e.code() + ": " + e.message() + (e.fields().isEmpty() ? "" : " " + e.fields()))
                .collect(Collectors.joining("; "));
    }

    private static void replace(List<TargetResult> results, Done write, TargetResult undone) {
        for (int i = 0; i < results.size(); i++) {
            TargetResult result = results.get(i);
            if (result.target().equals(write.target()) && result.index() == write.index() && result.success()) {
                results.set(i, undone);
                return;
            }
        }
    }
}
