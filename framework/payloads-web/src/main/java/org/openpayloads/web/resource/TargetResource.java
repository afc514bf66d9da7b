package org.openpayloads.web.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.model.Target;
import org.openpayloads.web.dto.InputMapper;
import org.openpayloads.web.dto.Items;
import org.openpayloads.web.dto.OutputMapper;
import org.openpayloads.web.dto.TargetDto;
import org.openpayloads.web.json.ApiJson;

/** Targets of an inbound payload: {@code /api/v1/integrations/{integration}/payloads/{payload}/targets}. */
@Path("/api/v1/integrations/{integration}/payloads/{payload}/targets")
@Produces(MediaType.APPLICATION_JSON)
public final class TargetResource {

    private final ConfigurationService config;
    private final ApiJson json;

    @Inject
    public TargetResource(ConfigurationService config, ApiJson json) {
        this.config = config;
        this.json = json;
    }

    @GET
    public Items<TargetDto> list(@PathParam("integration") String integration, @PathParam("payload") String payload) {
        return new Items<>(config.targets(integration, payload).stream().map(OutputMapper::target).toList());
    }

    /** Adds a target at the end; without an order it gets its position × 10. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("integration") String integration, @PathParam("payload") String payload,
                           @Nullable TargetDto body, @Context UriInfo uriInfo, @Context SecurityContext security) {
        // The default order depends on where the target lands, so this reads the current ones first.
        int position = config.targets(integration, payload).size();
        Target created = config.createTarget(integration, payload, InputMapper.target(Requests.body(body), position),
                Requests.actor(security));
        return Requests.created(uriInfo, created.apiName(), OutputMapper.target(created));
    }

    @GET
    @Path("{target}")
    public TargetDto get(@PathParam("integration") String integration, @PathParam("payload") String payload,
                         @PathParam("target") String target) {
        return OutputMapper.target(config.target(integration, payload, target));
    }

    @PUT
    @Path("{target}")
    @Consumes(MediaType.APPLICATION_JSON)
    public TargetDto replace(@PathParam("integration") String integration, @PathParam("payload") String payload,
                             @PathParam("target") String target, @Nullable TargetDto body,
                             @Context SecurityContext security) {
        return store(integration, payload, target, Requests.body(body), security);
    }

    @PATCH
    @Path("{target}")
    @Consumes({Requests.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    public TargetDto patch(@PathParam("integration") String integration, @PathParam("payload") String payload,
                           @PathParam("target") String target, @Nullable JsonNode patch,
                           @Context SecurityContext security) throws JsonProcessingException {
        TargetDto current = OutputMapper.target(config.target(integration, payload, target));
        return store(integration, payload, target, json.patch(current, Requests.body(patch), TargetDto.class),
                security);
    }

    @DELETE
    @Path("{target}")
    public void delete(@PathParam("integration") String integration, @PathParam("payload") String payload,
                       @PathParam("target") String target, @Context SecurityContext security) {
        config.deleteTarget(integration, payload, target, Requests.actor(security));
    }

    private TargetDto store(String integration, String payload, String target, TargetDto body,
                            SecurityContext security) {
        List<Target> targets = config.targets(integration, payload);
        int position = indexOf(targets, target);
        Target changed = InputMapper.target(body.withApiNameOr(target), position);
        return OutputMapper.target(config.replaceTarget(integration, payload, target, changed,
                Requests.actor(security)));
    }

    private static int indexOf(List<Target> targets, String apiName) {
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).apiName().equals(apiName)) {
                return i;
            }
        }
        return targets.size();
    }
}
