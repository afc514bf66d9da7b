package org.openpayloads.engine.port;

import java.util.Optional;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.model.NewJob;

/** Stores jobs with their raw requests and per-target results. */
public interface JobRepository {

    /** Stores a job and gives it an id and the next number of its direction, such as IN-000124. */
    Job create(NewJob job);

    /** The job with its raw request and results. */
    Optional<Job> find(long id);

    Optional<Job> findByNumber(String jobNumber);

    /** Matching jobs without their raw requests, newest first. */
    Page<Job> search(JobQuery query);
}
