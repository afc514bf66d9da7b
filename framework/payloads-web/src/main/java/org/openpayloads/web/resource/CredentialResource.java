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
import org.openpayloads.engine.model.Credential;
import org.openpayloads.web.dto.CredentialDto;
import org.openpayloads.web.dto.InputMapper;
import org.openpayloads.web.dto.Items;
import org.openpayloads.web.dto.OutputMapper;
import org.openpayloads.web.json.ApiJson;

/**
 * Credentials of an integration: {@code /api/v1/integrations/{integration}/credentials}. Secrets go in and
 * never come out: answers show masks only.
 */
@Path("/api/v1/integrations/{integration}/credentials")
@Produces(MediaType.APPLICATION_JSON)
public final class CredentialResource {

    private final ConfigurationService config;
    private final ApiJson json;

    @Inject
    public CredentialResource(ConfigurationService config, ApiJson json) {
        this.config = config;
        this.json = json;
    }

    @GET
    public Items<CredentialDto> list(@PathParam("integration") String integration) {
        return new Items<>(config.credentials(integration).stream().map(OutputMapper::credential).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("integration") String integration, @Nullable CredentialDto body,
                           @Context UriInfo uriInfo, @Context SecurityContext security) {
        Credential created = config.createCredential(integration, InputMapper.credential(Requests.body(body)),
                Requests.actor(security));
        return Requests.created(uriInfo, created.apiName(), OutputMapper.credential(created));
    }

    @GET
    @Path("{credential}")
    public CredentialDto get(@PathParam("integration") String integration,
                             @PathParam("credential") String credential) {
        return OutputMapper.credential(config.credential(integration, credential));
    }

    @PUT
    @Path("{credential}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CredentialDto replace(@PathParam("integration") String integration,
                                 @PathParam("credential") String credential, @Nullable CredentialDto body,
                                 @Context SecurityContext security) {
        return store(integration, credential, Requests.body(body), security);
    }

    /** A merge patch; {@code "secrets":{"key":null}} removes that secret, as it would in a PUT. */
    @PATCH
    @Path("{credential}")
    @Consumes({Requests.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    public CredentialDto patch(@PathParam("integration") String integration,
                               @PathParam("credential") String credential, @Nullable JsonNode patch,
                               @Context SecurityContext security) throws JsonProcessingException {
        CredentialDto current = OutputMapper.credential(config.credential(integration, credential));
        JsonNode body = Requests.body(patch);
        CredentialDto merged = json.patch(current, body, CredentialDto.class);
        return store(integration, credential, InputMapper.withRemovedSecrets(merged, current, body), security);
    }

    @DELETE
    @Path("{credential}")
    public void delete(@PathParam("integration") String integration, @PathParam("credential") String credential,
                       @Context SecurityContext security) {
        config.deleteCredential(integration, credential, Requests.actor(security));
    }

    private CredentialDto store(String integration, String credential, CredentialDto body,
                                SecurityContext security) {
        return OutputMapper.credential(config.replaceCredential(integration, credential,
                InputMapper.credential(body.withApiNameOr(credential)), Requests.actor(security)));
    }
}
