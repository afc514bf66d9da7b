package org.openpayloads.org.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.TreeMap;
import org.openpayloads.org.OrgRequest;
import org.openpayloads.org.OrgResponse;

/**
 * Every HTTP request under {@code /services} and {@code /api/v1/org}, for every method, handed to the
 * {@link OrgRouter} as bytes. Bodies are never bound by Jersey, so no framework error page can answer instead
 * of the org, and every error is the org's own Response.
 */
public abstract class OrgResource {

    private final OrgRouter router;

    OrgResource(OrgRouter router) {
        this.router = router;
    }

    /** Salesforce's paths: {@code /services/oauth2/token} and {@code /services/data/...}. */
    @Path("services")
    public static final class Services extends OrgResource {

        @Inject
        public Services(OrgRouter router) {
            super(router);
        }
    }

    /** The org's admin API, {@code /api/v1/org/...}, behind the server's admin token filter. */
    @Path("api/v1/org")
    public static final class Admin extends OrgResource {

        @Inject
        public Admin(OrgRouter router) {
            super(router);
        }
    }

    @GET
    @Path("{rest: .*}")
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers) {
        // A GET reads no body (Jersey warns about GET methods that take one).
        return dispatch("GET", uri, headers, new byte[0]);
    }

    @POST
    @Path("{rest: .*}")
    public Response post(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return dispatch("POST", uri, headers, body);
    }

    @PATCH
    @Path("{rest: .*}")
    public Response patch(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return dispatch("PATCH", uri, headers, body);
    }

    @PUT
    @Path("{rest: .*}")
    public Response put(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return dispatch("PUT", uri, headers, body);
    }

    @DELETE
    @Path("{rest: .*}")
    public Response delete(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return dispatch("DELETE", uri, headers, body);
    }

    private Response dispatch(String method, UriInfo uri, HttpHeaders headers, byte[] body) {
        Map<String, String> flat = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.getRequestHeaders().forEach((name, values) -> flat.put(name, String.join(",", values)));
        String base = uri.getBaseUri().toString();
        OrgResponse response = router.handle(new OrgRequest(method, uri.getRequestUri().getRawPath(),
                uri.getRequestUri().getRawQuery(), flat, body == null ? new byte[0] : body, base));
        Response.ResponseBuilder builder = Response.status(response.status());
        response.headers().forEach(builder::header);
        if (response.body().length > 0) {
            builder.entity(response.body());
        }
        return builder.build();
    }
}
