package org.openpayloads.web.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The hand-written OpenAPI 3.1 description of the admin API, read once from the classpath. */
public final class OpenApiDocument {

    /** Where the description lives on the classpath. */
    public static final String RESOURCE = "/org/openpayloads/web/openapi.json";

    private final byte[] json;

    private OpenApiDocument(byte[] json) {
        this.json = json;
    }

    /** Reads the description; fails fast when it is missing from the build. */
    public static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The OpenAPI description " + RESOURCE + " is missing from the "
                        + "classpath; expected it in payloads-web's resources");
            }
            return new OpenApiDocument(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OpenAPI description " + RESOURCE, e);
        }
    }

    public byte[] json() {
        return json.clone();
    }
}
