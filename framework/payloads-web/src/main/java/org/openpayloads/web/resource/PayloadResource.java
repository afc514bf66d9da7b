package org.openpayloads.web.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.mapping.MappingService;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.web.dto.ElementDto;
import org.openpayloads.web.dto.ElementList;
import org.openpayloads.web.dto.InputMapper;
import org.openpayloads.web.dto.Items;
import org.openpayloads.web.dto.OutputMapper;
import org.openpayloads.web.dto.PayloadDto;
import org.openpayloads.web.dto.PreviewDto;
import org.openpayloads.web.dto.SampleDto;
import org.openpayloads.web.json.ApiJson;

/** Payloads of an integration, with their element trees: {@code /api/v1/integrations/{integration}/payloads}. */
@Path("/api/v1/integrations/{integration}/payloads")
@Produces(MediaType.APPLICATION_JSON)
public final class PayloadResource {

    private final ConfigurationService config;
    private final MappingService mapping;
    private final ApiJson json;

    @Inject
    public PayloadResource(ConfigurationService config, MappingService mapping, ApiJson json) {
        this.config = config;
        this.mapping = mapping;
        this.json = json;
    }

    @GET
    public Items<PayloadDto> list(@PathParam("integration") String integration) {
        return new Items<>(config.payloads(integration).stream().map(OutputMapper::payload).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("integration") String integration, @Nullable PayloadDto body,
                           @Context UriInfo uriInfo, @Context SecurityContext security) {
        Payload created = config.createPayload(integration, InputMapper.payload(Requests.body(body)),
                Requests.actor(security));
        return Requests.created(uriInfo, created.apiName(), OutputMapper.payload(created));
    }

    @GET
    @Path("{payload}")
    public PayloadDto get(@PathParam("integration") String integration, @PathParam("payload") String payload) {
        return OutputMapper.payload(config.payload(integration, payload));
    }

    @PUT
    @Path("{payload}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PayloadDto replace(@PathParam("integration") String integration, @PathParam("payload") String payload,
                              @Nullable PayloadDto body, @Context SecurityContext security) {
        return store(integration, payload, Requests.body(body), security);
    }

    @PATCH
    @Path("{payload}")
    @Consumes({Requests.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    public PayloadDto patch(@PathParam("integration") String integration, @PathParam("payload") String payload,
                            @Nullable JsonNode patch, @Context SecurityContext security)
            throws JsonProcessingException {
        PayloadDto current = OutputMapper.payload(config.payload(integration, payload));
        return store(integration, payload, json.patch(current, Requests.body(patch), PayloadDto.class), security);
    }

    @DELETE
    @Path("{payload}")
    public void delete(@PathParam("integration") String integration, @PathParam("payload") String payload,
                       @Context SecurityContext security) {
        config.deletePayload(integration, payload, Requests.actor(security));
    }

    @GET
    @Path("{payload}/elements")
    public Items<ElementDto> elements(@PathParam("integration") String integration,
                                      @PathParam("payload") String payload) {
        return new Items<>(OutputMapper.elements(config.elements(integration, payload)));
    }

    /** Replaces the whole element tree; takes {@code {"items":[...]}} as GET shows it, or a bare array. */
    @PUT
    @Path("{payload}/elements")
    @Consumes(MediaType.APPLICATION_JSON)
    public Items<ElementDto> replaceElements(@PathParam("integration") String integration,
                                             @PathParam("payload") String payload, @Nullable ElementList body,
                                             @Context SecurityContext security) {
        var elements = InputMapper.elements(Requests.body(body).items());
        return new Items<>(OutputMapper.elements(
                config.replaceElements(integration, payload, elements, Requests.actor(security))));
    }

    /** What a real run would do with a sample body: record operations, lookups and results. Writes nothing. */
    @POST
    @Path("{payload}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public PreviewDto preview(@PathParam("integration") String integration, @PathParam("payload") String payload,
                              @Nullable SampleDto body) {
        SampleDto sample = Requests.body(body);
        return OutputMapper.preview(mapping.preview(integration, payload, sampleBytes(sample), sample.contentType()));
    }

    /** The element tree of a sample body; with {@code apply=true} it replaces the payload's elements. */
    @POST
    @Path("{payload}/elements/from-sample")
    @Consumes(MediaType.APPLICATION_JSON)
    public Items<ElementDto> elementsFromSample(@PathParam("integration") String integration,
                                                @PathParam("payload") String payload,
                                                @QueryParam("apply") @DefaultValue("false") boolean apply,
                                                @Nullable SampleDto body, @Context SecurityContext security) {
        SampleDto sample = Requests.body(body);
        return new Items<>(OutputMapper.elements(mapping.elementsFromSample(integration, payload, sampleBytes(sample),
                sample.contentType(), apply, Requests.actor(security))));
    }

    private static byte[] sampleBytes(SampleDto sample) {
        JsonNode body = sample.body();
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new ConfigException(List.of(new FieldError("body", "is required: the sample body, as text (or, "
                    + "for a JSON sample, as a JSON value)")));
        }
        return (body.isTextual() ? body.textValue() : body.toString()).getBytes(StandardCharsets.UTF_8);
    }

    private PayloadDto store(String integration, String payload, PayloadDto body, SecurityContext security) {
        Payload changed = InputMapper.payload(body.withApiNameOr(payload));
        return OutputMapper.payload(config.replacePayload(integration, payload, changed, Requests.actor(security)));
    }
}
