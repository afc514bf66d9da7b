package org.openpayloads.engine.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.model.JobSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NewJob;
import org.openpayloads.engine.port.JobQuery;
import org.openpayloads.engine.port.JobRepository;
import org.openpayloads.engine.port.Page;

class JobServiceTest {

    private static final Job JOB = new Job(42, "IN-000042", "stripe", "charge", Direction.INBOUND, JobStatus.QUEUED,
            JobSource.EXTERNAL_API, Instant.EPOCH, null, null, 0, 0, null, null, null, null, List.of());

    private final JobService service = new JobService(new JobRepository() {
        @Override
        public Job create(NewJob job) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Job> find(long id) {
            return id == 42 ? Optional.of(JOB) : Optional.empty();
        }

        @Override
        public Optional<Job> findByNumber(String number) {
            return number.equals("IN-000042") ? Optional.of(JOB) : Optional.empty();
        }

        @Override
        public Page<Job> search(JobQuery query) {
            return new Page<>(List.of(JOB), query.page(), query.size(), 1);
        }
    });

    @Test
    void findsAJobByIdOrNumber() {
        assertThat(service.job("42")).isEqualTo(JOB);
        assertThat(service.job("IN-000042")).isEqualTo(JOB);
    }

    @Test
    void anythingElseIsNotFoundWithTheExpectedForms() {
        assertThatThrownBy(() -> service.job("43")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.job("OUT-9")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.job("'; drop table job")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("expected a job id such as 42 or a job number such as IN-000123");
        assertThatThrownBy(() -> service.job("99999999999999999999")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void queriesCheckTheirPage() {
        assertThatThrownBy(() -> new JobQuery(null, null, null, null, null, -1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("page must be 0 or more, was -1");
        assertThatThrownBy(() -> new JobQuery(null, null, null, null, null, 0, 501))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("size must be from 1 to 500, was 501");
        assertThat(service.search(new JobQuery("stripe", null, null, null, null, 0, 10)).total()).isEqualTo(1);
    }
}
