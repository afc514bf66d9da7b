package org.openpayloads.api.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordResultTest {

    @Test
    void successHasNoErrorsAndFailureHasSome() {
        assertThat(RecordResult.ok("001", true).created()).isTrue();
        RecordResult failed = RecordResult.failed(new RecordError("REQUIRED_FIELD_MISSING",
                "Required fields are missing: [Name]", List.of("Name")));
        assertThat(failed.success()).isFalse();
        assertThat(failed.id()).isNull();
        assertThat(failed.errors()).singleElement().satisfies(e -> assertThat(e.fields()).containsExactly("Name"));

        assertThatThrownBy(() -> new RecordResult(null, false, null, List.of()))
                .hasMessage("a failed result needs at least one error");
        assertThatThrownBy(() -> new RecordResult("001", true, null, List.of(new RecordError("X", "y"))))
                .hasMessageStartingWith("a successful result cannot carry errors");
    }

    @Test
    void anErrorNeedsACode() {
        assertThatThrownBy(() -> new RecordError(" ", "message")).hasMessage("a record error needs a code");
    }
}
