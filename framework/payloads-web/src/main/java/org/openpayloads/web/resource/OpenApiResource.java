package org.openpayloads.web.resource;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/openapi.json}: the OpenAPI description, public so that tools can read it without a token. */
@Path("/api/v1/openapi.json")
public final class OpenApiResource {

    private final OpenApiDocument document;

    @Inject
    public OpenApiResource(OpenApiDocument document) {
        this.document = document;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] get() {
        return document.json();
    }
}
