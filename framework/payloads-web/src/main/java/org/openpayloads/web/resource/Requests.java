package org.openpayloads.web.resource;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.openpayloads.web.error.ApiException;

/** What every resource method needs from HTTP: a body, the actor, a 201 answer. */
final class Requests {

    /** The media type of an RFC 7396 merge patch. */
    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private Requests() {
    }

    /** The body, or a 400 when the request had none (an empty body, or the JSON {@code null}). */
    static <T> T body(@Nullable T body) {
        if (body == null) {
            throw ApiException.bodyRequired();
        }
        return body;
    }

    /** The name of the admin token that made the request, recorded as who made a change. */
    static String actor(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal == null) {
            throw ApiException.unauthorized("An admin token is required: send Authorization: Bearer <token>");
        }
        return principal.getName();
    }

    /** 201 Created, with the new object's URL (this collection's URL plus {@code name}) in Location. */
    static Response created(UriInfo uriInfo, String name, Object entity) {
        return Response.created(uriInfo.getAbsolutePathBuilder().path(name).build()).entity(entity).build();
    }
}
