package org.openpayloads.engine.mapping;

import java.util.List;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.TargetResult;

/**
 * What one run or preview of a payload's mapping did.
 *
 * @param status COMPLETED when every record succeeded; PARTIAL when some failed and the payload allows partial
 *     success; FAILED when a record failed and the job's writes were undone, or nothing succeeded
 * @param operations the record operations in the order they ran, skips included
 * @param lookups the lookups made, in order
 * @param results one result per record of each target, undone writes included
 */
public record MappingResult(JobStatus status, List<RecordOperation> operations, List<Lookup> lookups,
                            List<TargetResult> results) {

    public MappingResult {
        if (status != JobStatus.COMPLETED && status != JobStatus.PARTIAL && status != JobStatus.FAILED) {
            throw new IllegalArgumentException("status was " + status + "; expected COMPLETED, PARTIAL or FAILED");
        }
        operations = List.copyOf(operations);
        lookups = List.copyOf(lookups);
        results = List.copyOf(results);
    }

    /** Whether every record succeeded. */
    public boolean succeeded() {
        return status == JobStatus.COMPLETED;
    }
}
