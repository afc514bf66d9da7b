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
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.model.Integration;
import org.openpayloads.web.dto.InputMapper;
import org.openpayloads.web.dto.IntegrationDto;
import org.openpayloads.web.dto.Items;
import org.openpayloads.web.dto.OutputMapper;
import org.openpayloads.web.dto.ValidationDto;
import org.openpayloads.web.json.ApiJson;

/** Integrations: {@code /api/v1/integrations}. */
@Path("/api/v1/integrations")
@Produces(MediaType.APPLICATION_JSON)
public final class IntegrationResource {

    private final ConfigurationService config;
    private final ApiJson json;

    @Inject
    public IntegrationResource(ConfigurationService config, ApiJson json) {
        this.config = config;
        this.json = json;
    }

    @GET
    public Items<IntegrationDto> list() {
        return new Items<>(config.integrations().stream().map(OutputMapper::integration).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Nullable IntegrationDto body, @Context UriInfo uriInfo,
                           @Context SecurityContext security) {
        Integration created = config.createIntegration(InputMapper.integration(Requests.body(body)),
                Requests.actor(security));
        return Requests.created(uriInfo, created.apiName(), OutputMapper.integration(created));
    }

    @GET
    @Path("{integration}")
    public IntegrationDto get(@PathParam("integration") String integration) {
        return OutputMapper.integration(config.integration(integration));
    }

    @PUT
    @Path("{integration}")
    @Consumes(MediaType.APPLICATION_JSON)
    public IntegrationDto replace(@PathParam("integration") String integration, @Nullable IntegrationDto body,
                                  @Context SecurityContext security) {
        return store(integration, Requests.body(body), security);
    }

    @PATCH
    @Path("{integration}")
    @Consumes({Requests.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    public IntegrationDto patch(@PathParam("integration") String integration, @Nullable JsonNode patch,
                                @Context SecurityContext security) throws JsonProcessingException {
        IntegrationDto current = OutputMapper.integration(config.integration(integration));
        return store(integration, json.patch(current, Requests.body(patch), IntegrationDto.class), security);
    }

    @DELETE
    @Path("{integration}")
    public void delete(@PathParam("integration") String integration, @Context SecurityContext security) {
        config.deleteIntegration(integration, Requests.actor(security));
    }

    /** Checks the stored integration again, every payload against the credentials as they are now. */
    @POST
    @Path("{integration}/validate")
    public ValidationDto validate(@PathParam("integration") String integration) {
        return OutputMapper.validation(config.check(integration));
    }

    private IntegrationDto store(String integration, IntegrationDto body, SecurityContext security) {
        Integration changed = InputMapper.integration(body.withApiNameOr(integration));
        return OutputMapper.integration(config.replaceIntegration(integration, changed, Requests.actor(security)));
    }
}
