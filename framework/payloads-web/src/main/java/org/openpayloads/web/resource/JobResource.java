package org.openpayloads.web.resource;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.openpayloads.engine.job.JobService;
import org.openpayloads.web.dto.JobDto;
import org.openpayloads.web.dto.JobPage;
import org.openpayloads.web.dto.OutputMapper;

/** Jobs, newest first: {@code /api/v1/jobs}. Read-only. */
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

    /** One job with its raw request, by id (42) or job number (IN-000123). */
    @GET
    @Path("{job}")
    public JobDto get(@PathParam("job") String job) {
        return OutputMapper.job(jobs.job(job), true);
    }
}
