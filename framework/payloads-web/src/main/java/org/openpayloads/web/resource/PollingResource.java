package org.openpayloads.web.resource;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.poll.Pollers;
import org.openpayloads.engine.port.PollStates;
import org.openpayloads.web.WebServices;
import org.openpayloads.web.dto.PollingStatusDto;

/**
 * Where a POLLING payload stands, and a reset of its watermark:
 * {@code /api/v1/integrations/{integration}/payloads/{payload}/polling}.
 */
@Path("/api/v1/integrations/{integration}/payloads/{payload}/polling")
@Produces(MediaType.APPLICATION_JSON)
public final class PollingResource {

    private final WebServices services;

    @Inject
    public PollingResource(WebServices services) {
        this.services = services;
    }

    @GET
    public PollingStatusDto status(@PathParam("integration") String integration, @PathParam("payload") String payload) {
        return dto(pollers().status(integration, payload));
    }

    /** Forgets the watermark: the next poll starts from the payload's backfill date, or from now. */
    @POST
    @Path("reset")
    public PollingStatusDto reset(@PathParam("integration") String integration, @PathParam("payload") String payload) {
        return dto(pollers().reset(integration, payload));
    }

    private Pollers pollers() {
        Pollers pollers = services.pollers();
        if (pollers == null) {
            throw new NotFoundException("This server does not run POLLING payloads");
        }
        return pollers;
    }

    private static PollingStatusDto dto(Pollers.Status status) {
        PollStates.PollState state = status.state();
        PollStates.Lease lease = status.lease();
        return new PollingStatusDto(state.watermark() == null ? null : state.watermark().position(),
                state.watermark() == null ? null : state.watermark().lastId(), state.backfillFrom(),
                state.lastPolledAt(), state.caughtUp(), state.lastError(), state.itemsTaken(),
                lease == null ? null : lease.owner(), lease == null ? null : lease.expiresAt());
    }
}
