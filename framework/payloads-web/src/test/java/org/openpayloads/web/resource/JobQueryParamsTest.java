package org.openpayloads.web.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.FieldError;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.port.JobQuery;
import org.openpayloads.web.error.ApiException;
import org.openpayloads.web.error.ErrorCode;

class JobQueryParamsTest {

    private final MultivaluedMap<String, String> params = new MultivaluedHashMap<>();

    @Test
    void withoutParametersItIsTheFirstPageOf50() {
        JobQuery query = JobQueryParams.parse(params);

        assertThat(query).isEqualTo(new JobQuery(null, null, java.util.Set.of(), null, null, 0, 50));
    }

    @Test
    void readsEveryFilter() {
        params.putSingle("integration", "stripe");
        params.putSingle("payload", "charge");
        params.putSingle("from", "2026-01-01T00:00:00Z");
        params.putSingle("to", "2026-02-01T01:00:00+01:00");
        params.putSingle("page", "2");
        params.putSingle("size", "500");

        JobQuery query = JobQueryParams.parse(params);

        assertThat(query.integration()).isEqualTo("stripe");
        assertThat(query.payload()).isEqualTo("charge");
        assertThat(query.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(query.page()).isEqualTo(2);
        assertThat(query.size()).isEqualTo(500);
    }

    @Test
    void statusesMayBeRepeatedCommaSeparatedAndInAnyCase() {
        params.add("status", "FAILED,dead");
        params.add("status", " Held ");
        params.add("status", "");

        assertThat(JobQueryParams.parse(params).statuses())
                .containsExactlyInAnyOrder(JobStatus.FAILED, JobStatus.DEAD, JobStatus.HELD);
    }

    @Test
    void blankParametersAreAbsent() {
        params.putSingle("integration", " ");
        params.putSingle("page", "");

        JobQuery query = JobQueryParams.parse(params);

        assertThat(query.integration()).isNull();
        assertThat(query.page()).isZero();
    }

    @Test
    void anUnknownStatusNamesTheAllowedOnes() {
        params.add("status", "FAILED,BROKEN");

        assertBadRequest(new FieldError("status", "'BROKEN' is not a job status; expected one of QUEUED, RUNNING, "
                + "COMPLETED, PARTIAL, FAILED, DEAD, HELD, DISCARDED"));
    }

    @Test
    void aBadInstantIsAnError() {
        params.putSingle("from", "yesterday");

        assertBadRequest(new FieldError("from", "'yesterday' is not an ISO-8601 instant; expected for example "
                + "2026-01-31T12:00:00Z"));
    }

    @Test
    void toBeforeFromIsAnError() {
        params.putSingle("from", "2026-02-01T00:00:00Z");
        params.putSingle("to", "2026-01-01T00:00:00Z");

        assertBadRequest(new FieldError("to", "'2026-01-01T00:00:00Z' is before from '2026-02-01T00:00:00Z'; "
                + "expected a later instant"));
    }

    @Test
    void pageAndSizeMustBeIntegersInRange() {
        params.putSingle("page", "-1");
        params.putSingle("size", "501");
        assertBadRequest(new FieldError("page", "is -1; expected an integer of 0 or more"),
                new FieldError("size", "is 501; expected an integer from 1 to 500"));

        params.putSingle("page", "first");
        params.putSingle("size", "0");
        assertBadRequest(new FieldError("page", "'first' is not a number; expected an integer of 0 or more"),
                new FieldError("size", "is 0; expected an integer from 1 to 500"));
    }

    @Test
    void aSingleValuedParameterGivenTwiceIsAnError() {
        params.add("page", "1");
        params.add("page", "2");

        assertBadRequest(new FieldError("page", "is given 2 times; expected it once"));
    }

    @Test
    void reportsEveryBadParameterAtOnce() {
        params.putSingle("status", "NOPE");
        params.putSingle("from", "x");
        params.putSingle("size", "big");

        assertThatThrownBy(() -> JobQueryParams.parse(params))
                .isInstanceOf(ApiException.class)
                .hasMessage("Invalid query parameters: status, from, size");
    }

    private void assertBadRequest(FieldError... errors) {
        assertThatThrownBy(() -> JobQueryParams.parse(params))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e.fields()).containsExactly(errors);
                });
    }
}
