package org.openpayloads.engine.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openpayloads.api.ConflictException;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.config.CachedConfiguration;
import org.openpayloads.engine.inbound.JobKeys;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.engine.model.Job;
import org.openpayloads.engine.model.JobRequest;
import org.openpayloads.engine.model.JobSource;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.model.NewJob;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.parse.BodyParser;
import org.openpayloads.engine.port.JobQuery;
import org.openpayloads.engine.port.JobQueue;
import org.openpayloads.engine.port.JobRepository;
import org.openpayloads.engine.port.Page;

/**
 * Jobs for the admin API: read them (with the payload's redactions masked), replay them, discard dead ones.
 */
public final class JobService {

    /** The most jobs one bulk replay runs again. */
    public static final int MAX_BULK_REPLAY = 1_000;
    private static final Pattern JOB_NUMBER = Pattern.compile("(IN|OUT)-\\d+");
    private static final Pattern JOB_ID = Pattern.compile("\\d{1,18}");

    private final JobRepository jobs;
    private final JobQueue queue;
    private final CachedConfiguration configuration;
    private final BodyParser parser;
    private final Runnable onQueued;

    /**
     * @param onQueued called after a replay queued a job, to wake this process's workers
     */
    public JobService(JobRepository jobs, JobQueue queue, CachedConfiguration configuration, BodyParser parser,
                      Runnable onQueued) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.onQueued = Objects.requireNonNull(onQueued, "onQueued");
    }

    /**
     * The job with this id (digits) or number (such as IN-000123), with its results, its attempts and its
     * request, whose fields the payload redacts masked.
     */
    public Job job(String idOrNumber) {
        Job job = stored(idOrNumber);
        if (job.request() == null) {
            return job;
        }
        List<String> redactions = redactions(job);
        return redactions.isEmpty() ? job : job.withRequest(RequestRedaction.redact(job.request(), redactions));
    }

    public Page<Job> search(JobQuery query) {
        return jobs.search(query);
    }

    /**
     * Runs a finished job again, as a new job linked to it, on the payload's current configuration. The new
     * job has no dedupe key, so it is never taken for a redelivery; its ordering key is read again.
     *
     * @throws ConflictException on field {@code status} when the job has not finished
     */
    public Job replay(String idOrNumber) {
        Job original = stored(idOrNumber);
        if (!original.status().isFinal()) {
            throw new ConflictException("status", "Job " + original.jobNumber() + " is " + original.status()
                    + "; expected a finished job (COMPLETED, PARTIAL, FAILED, DEAD or DISCARDED) to replay");
        }
        JobQueue.Receipt receipt = requeue(original);
        return jobs.find(receipt.jobId()).orElseThrow();
    }

    /**
     * Replays every finished job that matches {@code filter}, oldest first, up to {@value #MAX_BULK_REPLAY}.
     *
     * @return the new jobs' numbers, in the order they were queued
     */
    public BulkReplay replayAll(JobQuery filter) {
        Set<Long> matching = new LinkedHashSet<>();
        long total = 0;
        for (int page = 0; matching.size() < MAX_BULK_REPLAY; page++) {
            Page<Job> found = jobs.search(new JobQuery(filter.integration(), filter.payload(), filter.statuses(),
                    filter.from(), filter.to(), page, JobQuery.MAX_SIZE));
            total = found.total();
            found.items().stream().filter(job -> job.status().isFinal()).map(Job::id)
                    .limit(MAX_BULK_REPLAY - matching.size()).forEach(matching::add);
            if ((long) (page + 1) * JobQuery.MAX_SIZE >= found.total()) {
                break;
            }
        }
        List<Long> oldestFirst = new ArrayList<>(matching);
        Collections.reverse(oldestFirst);
        List<String> replays = new ArrayList<>(oldestFirst.size());
        for (long id : oldestFirst) {
            replays.add(requeue(jobs.find(id).orElseThrow()).jobNumber());
        }
        return new BulkReplay(replays, total > MAX_BULK_REPLAY);
    }

    /**
     * Marks a dead job DISCARDED: nobody will replay it.
     *
     * @throws ConflictException on field {@code status} when the job is not DEAD
     */
    public Job discard(String idOrNumber) {
        Job job = stored(idOrNumber);
        if (!queue.discard(job.id())) {
            throw new ConflictException("status", "Job " + job.jobNumber() + " is " + job.status()
                    + "; only a DEAD job can be discarded");
        }
        return job(Long.toString(job.id()));
    }

    private JobQueue.Receipt requeue(Job original) {
        Payload config = configuration.payload(original.integration(), original.payload());
        Integration integration = configuration.integration(original.integration());
        JobRequest request = Objects.requireNonNull(original.request(), "a stored job has its request");
        String orderingKey = JobKeys.compile(config).orderingKey(name -> Optional.ofNullable(
                request.headers().get(name)), parsed(config, request));
        JobStatus status = integration.active() && config.active() ? JobStatus.QUEUED : JobStatus.HELD;
        JobQueue.Receipt receipt = queue.enqueue(new NewJob(original.integration(), original.payload(),
                original.direction(), status, JobSource.REPLAY, request, null, orderingKey, original.id(), null));
        onQueued.run();
        return receipt;
    }

    private JsonNode parsed(Payload config, JobRequest request) {
        ContentType type = request.contentType() == null ? config.contentType()
                : ContentType.ofHeader(request.contentType()).orElse(config.contentType());
        try {
            return parser.parse(type, request.body(), request.contentType());
        } catch (MappingException e) {
            return MissingNode.getInstance();
        }
    }

    private List<String> redactions(Job job) {
        try {
            return configuration.payload(job.integration(), job.payload()).redactPaths();
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    private Job stored(String idOrNumber) {
        if (JOB_ID.matcher(idOrNumber).matches()) {
            return jobs.find(Long.parseLong(idOrNumber)).orElseThrow(() -> NotFoundException.of("job", idOrNumber));
        }
        if (JOB_NUMBER.matcher(idOrNumber).matches()) {
            return jobs.findByNumber(idOrNumber).orElseThrow(() -> NotFoundException.of("job", idOrNumber));
        }
        throw new NotFoundException("No job '" + idOrNumber + "' exists; expected a job id such as 42 or a job "
                + "number such as IN-000123");
    }

    /**
     * What a bulk replay queued.
     *
     * @param truncated true when more jobs matched than one bulk replay takes
     */
    public record BulkReplay(List<String> jobNumbers, boolean truncated) {

        public BulkReplay {
            jobNumbers = List.copyOf(jobNumbers);
        }
    }
}
