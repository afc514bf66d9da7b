package org.openpayloads.web.resource;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.engine.model.AdminToken;
import org.openpayloads.engine.security.AdminTokenService;
import org.openpayloads.engine.security.AdminTokenService.IssuedToken;
import org.openpayloads.web.dto.Items;
import org.openpayloads.web.dto.NewTokenDto;
import org.openpayloads.web.dto.OutputMapper;
import org.openpayloads.web.dto.TokenDto;

/**
 * Admin API tokens: {@code /api/v1/tokens}. A token's value is shown once, in the answer to the POST that
 * issued it, and never again; lists show its name and prefix only.
 */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
public final class TokenResource {

    private final AdminTokenService tokens;

    @Inject
    public TokenResource(AdminTokenService tokens) {
        this.tokens = tokens;
    }

    @GET
    public Items<TokenDto> list() {
        return new Items<>(tokens.list().stream().map(t -> OutputMapper.token(t, null)).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@Nullable NewTokenDto body, @Context UriInfo uriInfo, @Context SecurityContext security) {
        String name = Objects.requireNonNullElse(Requests.body(body).name(), "");
        IssuedToken issued = tokens.issue(name, Requests.actor(security));
        // The answer holds the only copy of the token: no cache may keep it.
        return Response.fromResponse(Requests.created(uriInfo, String.valueOf(issued.token().id()),
                OutputMapper.token(issued.token(), issued.value()))).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("{id}")
    public TokenDto get(@PathParam("id") String id) {
        return OutputMapper.token(find(id), null);
    }

    /** Revokes the token; revoking a revoked token changes nothing. */
    @DELETE
    @Path("{id}")
    public void revoke(@PathParam("id") String id) {
        tokens.revoke(find(id).id());
    }

    private AdminToken find(String id) {
        return tokens.list().stream()
                .filter(token -> String.valueOf(token.id()).equals(id))
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("token", id));
    }
}
