package org.openpayloads.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.model.NewJob;
import org.openpayloads.engine.port.JobQuery;
import org.openpayloads.engine.port.JobRepository;
import org.openpayloads.engine.port.Page;

/** A job store in a list, for tests; {@link #add} stores a finished job as it is. */
public final class InMemoryJobs implements JobRepository {

    private final List<Job> jobs = new ArrayList<>();

    public synchronized Job add(Job job) {
        jobs.add(job);
        return job;
    }

    @Override
    public synchronized Job create(NewJob job) {
        throw new UnsupportedOperationException("the admin API only reads jobs");
    }

    @Override
    public synchronized Optional<Job> find(long id) {
        return jobs.stream().filter(j -> j.id() == id).findFirst();
    }

    @Override
    public synchronized Optional<Job> findByNumber(String jobNumber) {
        return jobs.stream().filter(j -> j.jobNumber().equals(jobNumber)).findFirst();
    }

    @Override
    public synchronized Page<Job> search(JobQuery query) {
        List<Job> matching = jobs.stream()
                .filter(j -> query.integration() == null || j.integration().equals(query.integration()))
                .filter(j -> query.payload() == null || j.payload().equals(query.payload()))
                .filter(j -> query.statuses().isEmpty() || query.statuses().contains(j.status()))
                .filter(j -> query.from() == null || !j.receivedAt().isBefore(query.from()))
                .filter(j -> query.to() == null || j.receivedAt().isBefore(query.to()))
                .sorted(Comparator.comparing(Job::receivedAt).reversed())
                .map(j -> new Job(j.id(), j.jobNumber(), j.integration(), j.payload(), j.direction(), j.status(),
                        j.source(), j.receivedAt(), j.startedAt(), j.finishedAt(), j.attempts(), j.recordsProcessed(),
                        j.responseCode(), j.error(), j.replayOf(), null, j.results()))
                .toList();
        int from = Math.min(matching.size(), query.page() * query.size());
        int to = Math.min(matching.size(), from + query.size());
        return new Page<>(matching.subList(from, to), query.page(), query.size(), matching.size());
    }
}
