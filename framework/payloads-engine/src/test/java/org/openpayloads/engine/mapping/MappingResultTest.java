package org.openpayloads.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.TargetResult;

class MappingResultTest {

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"QUEUED", "RUNNING", "DEAD", "HELD"})
    void aRunEndsCompletedPartialOrFailed(JobStatus status) {
        assertThatThrownBy(() -> new MappingResult(status, List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("status was " + status + "; expected COMPLETED, PARTIAL or FAILED");
    }

    @Test
    void onlyACompletedRunSucceeded() {
        assertThat(new MappingResult(JobStatus.COMPLETED, List.of(), List.of(), List.of()).succeeded()).isTrue();
        assertThat(new MappingResult(JobStatus.PARTIAL, List.of(), List.of(), List.of()).succeeded()).isFalse();
        assertThat(new MappingResult(JobStatus.FAILED, List.of(), List.of(), List.of()).succeeded()).isFalse();
    }

    @Test
    void keepsACopyOfItsLists() {
        List<TargetResult> results = new ArrayList<>(List.of(new TargetResult("t", 0, "Account", "INSERT", null, true,
                true, null, null)));
        MappingResult result = new MappingResult(JobStatus.COMPLETED, List.of(), List.of(), results);

        results.clear();

        assertThat(result.results()).hasSize(1);
        assertThatThrownBy(() -> result.results().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
