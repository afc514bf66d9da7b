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
import org.openpayloads.engine.model.Source;
import org.openpayloads.web.dto.InputMapper;
import org.openpayloads.web.dto.Items;
import org.openpayloads.web.dto.OutputMapper;
import org.openpayloads.web.dto.SourceDto;
import org.openpayloads.web.json.ApiJson;

/** Sources of an outbound payload: {@code /api/v1/integrations/{integration}/payloads/{payload}/sources}. */
@Path("/api/v1/integrations/{integration}/payloads/{payload}/sources")
@Produces(MediaType.APPLICATION_JSON)
public final class SourceResource {

    private final ConfigurationService config;
    private final ApiJson json;

    @Inject
    public SourceResource(ConfigurationService config, ApiJson json) {
        this.config = config;
        this.json = json;
    }

    @GET
    public Items<SourceDto> list(@PathParam("integration") String integration, @PathParam("payload") String payload) {
        return new Items<>(config.sources(integration, payload).stream().map(OutputMapper::source).toList());
    }

    /** Adds a source at the end; without an order it gets its position × 10. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("integration") String integration, @PathParam("payload") String payload,
                           @Nullable SourceDto body, @Context UriInfo uriInfo, @Context SecurityContext security) {
        // The default order depends on where the source lands, so this reads the current ones first.
        int position = config.sources(integration, payload).size();
        Source created = config.createSource(integration, payload, InputMapper.source(Requests.body(body), position),
                Requests.actor(security));
        return Requests.created(uriInfo, created.apiName(), OutputMapper.source(created));
    }

    @GET
    @Path("{source}")
    public SourceDto get(@PathParam("integration") String integration, @PathParam("payload") String payload,
                         @PathParam("source") String source) {
        return OutputMapper.source(config.source(integration, payload, source));
    }

    @PUT
    @Path("{source}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SourceDto replace(@PathParam("integration") String integration, @PathParam("payload") String payload,
                             @PathParam("source") String source, @Nullable SourceDto body,
                             @Context SecurityContext security) {
        return store(integration, payload, source, Requests.body(body), security);
    }

    @PATCH
    @Path("{source}")
    @Consumes({Requests.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    public SourceDto patch(@PathParam("integration") String integration, @PathParam("payload") String payload,
                           @PathParam("source") String source, @Nullable JsonNode patch,
                           @Context SecurityContext security) throws JsonProcessingException {
        SourceDto current = OutputMapper.source(config.source(integration, payload, source));
        return store(integration, payload, source, json.patch(current, Requests.body(patch), SourceDto.class),
                security);
    }

    @DELETE
    @Path("{source}")
    public void delete(@PathParam("integration") String integration, @PathParam("payload") String payload,
                       @PathParam("source") String source, @Context SecurityContext security) {
        config.deleteSource(integration, payload, source, Requests.actor(security));
    }

    private SourceDto store(String integration, String payload, String source, SourceDto body,
                            SecurityContext security) {
        List<Source> sources = config.sources(integration, payload);
        int position = indexOf(sources, source);
        Source changed = InputMapper.source(body.withApiNameOr(source), position);
        return OutputMapper.source(config.replaceSource(integration, payload, source, changed,
                Requests.actor(security)));
    }

    private static int indexOf(List<Source> sources, String apiName) {
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).apiName().equals(apiName)) {
                return i;
            }
        }
        return sources.size();
    }
}
