package org.openpayloads.web.filter;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openpayloads.engine.model.AdminToken;
import org.openpayloads.engine.security.AdminTokenService;
import org.openpayloads.web.error.ApiException;

/**
 * Requires {@code Authorization: Bearer <token>} on every request under {@code /api/v1}, except
 * {@code GET /api/v1/openapi.json}. Runs before matching, so that an unauthenticated caller learns nothing
 * about which paths exist. A missing or invalid token is a 401 with a Bearer challenge; a valid one sets a
 * {@link TokenSecurityContext}. The token's value is never logged or echoed.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class BearerAuthFilter implements ContainerRequestFilter {

    private static final String SCHEME = "bearer ";

    private final AdminTokenService tokens;

    @Inject
    public BearerAuthFilter(AdminTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> segments = AdminPaths.segments(request.getUriInfo());
        if (!AdminPaths.isAdmin(segments) || isPublic(request.getMethod(), segments)) {
            return;
        }
        String value = bearerToken(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        AdminToken token = tokens.authenticate(value)
                .orElseThrow(() -> ApiException.unauthorized("The bearer token is not valid, or was revoked"));
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new TokenSecurityContext(token.id(), token.name(), secure));
    }

    private static boolean isPublic(String method, List<String> segments) {
        boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        return read && segments.equals(AdminPaths.OPENAPI);
    }

    private static String bearerToken(List<String> authorization) {
        if (authorization == null || authorization.isEmpty()) {
            throw ApiException.unauthorized("An admin token is required: send Authorization: Bearer <token>");
        }
        if (authorization.size() > 1) {
            throw ApiException.unauthorized("Send one Authorization header; this request has "
                    + authorization.size());
        }
        String header = authorization.get(0).trim();
        Optional<String> token = header.toLowerCase(Locale.ROOT).startsWith(SCHEME)
                ? Optional.of(header.substring(SCHEME.length()).trim()) : Optional.empty();
        return token.filter(t -> !t.isEmpty()).orElseThrow(() -> ApiException.unauthorized(
                "The Authorization header must use the Bearer scheme: Authorization: Bearer <token>"));
    }
}
