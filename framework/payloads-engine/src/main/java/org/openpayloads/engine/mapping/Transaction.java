package org.openpayloads.engine.mapping;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.records.RecordClient;
import org.openpayloads.api.records.RecordError;
import org.openpayloads.api.records.RecordResult;
import org.openpayloads.api.records.RecordWrite;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.TargetResult;

/**
 * Sends the writes a preview planned in one transaction ({@link RecordClient#writeAtomically}), for a payload
 * without partial success: the org keeps all of them or none, so nothing has to be undone. A single write needs
 * no transaction, and goes by {@link RecordClient#write}, which may batch it with other jobs' writes. What the
 * run did is exactly what the preview showed, with the new records' ids filled in.
 */
final class Transaction {

    private static final String NOT_KEPT = "PROCESSING_HALTED";

    private final RecordClient client;
    private final LookupCache lookups;

    Transaction(RecordClient client, LookupCache lookups) {
        this.client = client;
        this.lookups = lookups;
    }

    /** Whether {@code planned} can go in one transaction of this client. */
    boolean fits(List<PlannedWrite> planned) {
        return !planned.isEmpty() && planned.size() <= client.maxAtomicWrites()
                && planned.stream().allMatch(PlannedWrite::sendable);
    }

    /**
     * Sends {@code planned}, the writes of a preview that succeeded.
     *
     * @throws org.openpayloads.api.RetriableException when the org was unavailable; nothing was kept
     */
    MappingResult apply(MappingResult preview, List<PlannedWrite> planned) {
        List<RecordWrite> writes = planned.stream().map(PlannedWrite::toRecordWrite).toList();
        // One write is all or nothing by itself: it can share a batched call with other jobs' writes.
        List<RecordResult> answers = writes.size() == 1 ? List.of(client.write(writes.get(0)))
                : client.writeAtomically(writes);
        if (answers.size() != writes.size()) {
            throw new IllegalStateException(client.getClass().getSimpleName() + " answered " + answers.size()
                    + " results to a group of " + writes.size() + " writes; expected one per write");
        }
        planned.stream().map(w -> w.operation().object()).distinct().forEach(lookups::invalidate);
        boolean kept = answers.stream().allMatch(RecordResult::success);
        List<@Nullable String> ids = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            RecordResult answer = answers.get(i);
            ids.add(answer.id() != null ? answer.id() : planned.get(i).recordId());
        }
        List<RecordOperation> operations = new ArrayList<>(preview.operations());
        if (kept) {
            for (int i = 0; i < operations.size(); i++) {
                for (PlannedWrite write : planned) {
                    if (operations.get(i) == write.operation()) {
                        operations.set(i, write.done(ids));
                    }
                }
            }
        }
        String failure = kept ? null : failure(planned, answers);
        List<TargetResult> results = new ArrayList<>();
        for (TargetResult result : preview.results()) {
            int position = position(planned, result);
            results.add(position < 0 ? result : kept ? written(result, ids.get(position), planned.get(position),
                    answers.get(position)) : notKept(result, answers.get(position), failure));
        }
        return new MappingResult(kept ? JobStatus.COMPLETED : JobStatus.FAILED, operations, preview.lookups(),
                results);
    }

    /**
     * The preview's results when a record could not even be mapped: nothing was sent, so the records that mapped
     * were not written either.
     */
    static MappingResult notWritten(MappingResult preview) {
        String failure = preview.results().stream().filter(r -> !r.success()).findFirst()
                .map(r -> "target '" + r.target() + "' failed").orElse("a target failed");
        List<TargetResult> results = preview.results().stream()
                .map(r -> !r.success() || Action.SKIP.name().equals(r.operation()) ? r
                        : new TargetResult(r.target(), r.index(), r.object(), r.operation(), r.recordId(), null, false,
                        "NOT_WRITTEN", "not written, because " + failure + " and this payload writes all or nothing"))
                .toList();
        return new MappingResult(JobStatus.FAILED, preview.operations(), preview.lookups(), results);
    }

    private static TargetResult written(TargetResult result, @Nullable String id, PlannedWrite write,
                                        RecordResult answer) {
        Boolean created = switch (write.operation().action()) {
            case INSERT -> Boolean.TRUE;
            case UPDATE -> Boolean.FALSE;
            case UPSERT -> answer.created();
            case DELETE, SKIP -> null;
        };
        return new TargetResult(result.target(), result.index(), result.object(), result.operation(), id, created,
                true, null, null);
    }

    private static TargetResult notKept(TargetResult result, RecordResult answer, String failure) {
        RecordError cause = answer.errors().stream().filter(e -> !e.code().equals(NOT_KEPT)).findFirst().orElse(null);
        if (cause != null) {
            return new TargetResult(result.target(), result.index(), result.object(), result.operation(), null, null,
                    false, cause.code(), RecordWrites.describe(answer.errors()));
        }
        return new TargetResult(result.target(), result.index(), result.object(), result.operation(), null, null,
                false, "ROLLED_BACK", "not kept: the job's writes went in one transaction, and " + failure);
    }

    private static String failure(List<PlannedWrite> planned, List<RecordResult> answers) {
        for (int i = 0; i < answers.size(); i++) {
            boolean cause = answers.get(i).errors().stream().anyMatch(e -> !e.code().equals(NOT_KEPT));
            if (cause) {
                RecordOperation operation = planned.get(i).operation();
                return "the " + operation.action() + " of " + operation.object() + " for target '"
                        + operation.target() + "' failed";
            }
        }
        return "the org did not keep them";
    }

    private static int position(List<PlannedWrite> planned, TargetResult result) {
        for (int i = 0; i < planned.size(); i++) {
            RecordOperation operation = planned.get(i).operation();
            if (operation.target().equals(result.target()) && operation.index() == result.index()) {
                return i;
            }
        }
        return -1;
    }
}
