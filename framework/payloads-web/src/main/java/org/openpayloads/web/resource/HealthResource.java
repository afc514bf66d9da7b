package org.openpayloads.web.resource;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openpayloads.web.HealthCheck;
import org.openpayloads.web.WebServices;
import org.openpayloads.web.dto.HealthDto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /health}, public: 200 UP when every check is up, else 503 DOWN, with each check's state. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    static final String UP = "UP";
    static final String DOWN = "DOWN";
    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);

    private final WebServices services;

    @Inject
    public HealthResource(WebServices services) {
        this.services = services;
    }

    @GET
    public Response health() {
        Map<String, String> checks = new LinkedHashMap<>();
        boolean up = true;
        for (HealthCheck check : services.healthChecks()) {
            boolean checkUp = isUp(check);
            checks.put(check.name(), checkUp ? UP : DOWN);
            up &= checkUp;
        }
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(new HealthDto(up ? UP : DOWN, checks))
                .build();
    }

    // A check that throws is down; the health answer itself must not fail.
    private static boolean isUp(HealthCheck check) {
        try {
            return check.isUp();
        } catch (RuntimeException e) {
            LOG.warn("Health check {} failed", check.name(), e);
            return false;
        }
    }
}
