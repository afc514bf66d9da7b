package org.openpayloads.engine.job;

import java.util.regex.Pattern;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.port.JobQuery;
import org.openpayloads.engine.port.JobRepository;
import org.openpayloads.engine.port.Page;

/** Reads jobs for the admin API. */
public final class JobService {

    private static final Pattern JOB_NUMBER = Pattern.compile("(IN|OUT)-\\d+");
    private static final Pattern JOB_ID = Pattern.compile("\\d{1,18}");

    private final JobRepository jobs;

    public JobService(JobRepository jobs) {
        this.jobs = jobs;
    }

    /** The job with this id (digits) or number (such as IN-000123), with its request and results. */
    public Job job(String idOrNumber) {
        if (JOB_ID.matcher(idOrNumber).matches()) {
            return jobs.find(Long.parseLong(idOrNumber)).orElseThrow(() -> NotFoundException.of("job", idOrNumber));
        }
        if (JOB_NUMBER.matcher(idOrNumber).matches()) {
            return jobs.findByNumber(idOrNumber).orElseThrow(() -> NotFoundException.of("job", idOrNumber));
        }
        throw new NotFoundException("No job '" + idOrNumber + "' exists; expected a job id such as 42 or a job "
                + "number such as IN-000123");
    }

    public Page<Job> search(JobQuery query) {
        return jobs.search(query);
    }
}
