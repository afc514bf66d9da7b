package org.openpayloads.web.filter;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.openpayloads.api.FieldError;
import org.openpayloads.web.error.ApiException;

/**
 * Refuses a Content-Type that is not a media type at all (such as {@code application/json; =utf-8}) with a
 * 400 in the JSON error form. Without it, Jersey's resource matching would fail on the header and answer a
 * bare 400 with no body.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public final class ContentTypeFilter implements ContainerRequestFilter {

    private static final int SHOWN_MAX = 100;

    @Override
    public void filter(ContainerRequestContext request) {
        String value = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            MediaType.valueOf(value);
        } catch (IllegalArgumentException e) {
            String message = "Content-Type '" + shown(value) + "' is not a media type; expected for example "
                    + "application/json or application/json; charset=utf-8";
            throw ApiException.badRequest(message, List.of(new FieldError("Content-Type", message)));
        }
    }

    /** The header as an error message may quote it: short, and without control characters. */
    private static String shown(String value) {
        String printable = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= SHOWN_MAX ? printable : printable.substring(0, SHOWN_MAX) + "...";
    }
}
