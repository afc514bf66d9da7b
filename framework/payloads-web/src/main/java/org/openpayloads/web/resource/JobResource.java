package org.openpayloads.web.resource;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.openpayloads.api.FieldError;
import org.openpayloads.engine.job.JobService;
import org.openpayloads.engine.model.JobStatus;
import org.openpayloads.engine.port.JobQuery;
import org.openpayloads.web.dto.BulkReplayResultDto;
import org.openpayloads.web.dto.JobDto;
import org.openpayloads.web.dto.JobPage;
import org.openpayloads.web.dto.OutputMapper;
import org.openpayloads.web.error.ApiException;

/**
 * Jobs, newest first: {@code /api/v1/jobs}. A finished job can be replayed, one or many at a time, as a new
 * job on the current configuration; a dead one can be discarded.
 */
@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
public final class JobResource {

    private final JobService jobs;

    @Inject
    public JobResource(JobService jobs) {
        this.jobs = jobs;
    }

    /** Filtered by the query parameters {@link JobQueryParams} reads. */
    @GET
    public JobPage search(@Context UriInfo uriInfo) {
        return OutputMapper.jobs(jobs.search(JobQueryParams.parse(uriInfo.getQueryParameters())));
    }

    /**
     * One job with its attempts and its raw request (the payload's redacted fields masked), by id (42) or job
     * number (IN-000123).
     */
    @GET
    @Path("{job}")
    public JobDto get(@PathParam("job") String job) {
        return OutputMapper.job(jobs.job(job), true);
    }

    /** Runs a finished job again as a new job, linked to it by {@code replayOf}: 201 with the new job. */
    @POST
    @Path("{job}/replay")
    public Response replay(@PathParam("job") String job, @Context UriInfo uriInfo) {
        JobDto replay = OutputMapper.job(jobs.replay(job), false);
        return Response.created(uriInfo.getBaseUriBuilder().path("api/v1/jobs").path(Long.toString(replay.id()))
                .build()).entity(replay).build();
    }

    /**
     * Replays the finished jobs the query parameters select, as the list filters them; {@code integration}
     * is required, and {@code status} defaults to FAILED and DEAD.
     */
    @POST
    @Path("replay")
    public BulkReplayResultDto replayAll(@Context UriInfo uriInfo) {
        JobQuery filter = JobQueryParams.parse(uriInfo.getQueryParameters());
        if (filter.integration() == null) {
            throw ApiException.badRequest("A bulk replay needs an integration; expected ?integration=name",
                    List.of(new FieldError("integration", "is required")));
        }
        if (filter.statuses().isEmpty()) {
            filter = new JobQuery(filter.integration(), filter.payload(), Set.of(JobStatus.FAILED, JobStatus.DEAD),
                    filter.from(), filter.to(), 0, filter.size());
        }
        JobService.BulkReplay replays = jobs.replayAll(filter);
        return new BulkReplayResultDto(replays.jobNumbers().size(), replays.jobNumbers(), replays.truncated());
    }

    /** Marks a DEAD job DISCARDED; 409 for a job in any other status. */
    @POST
    @Path("{job}/discard")
    public JobDto discard(@PathParam("job") String job) {
        return OutputMapper.job(jobs.discard(job), false);
    }
}
