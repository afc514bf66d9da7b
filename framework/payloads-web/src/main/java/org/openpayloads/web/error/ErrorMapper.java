package org.openpayloads.web.error;

import com.fasterxml.jackson.core.JacksonException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.ConflictException;
import org.openpayloads.engine.inbound.AuthenticationException;
import org.openpayloads.engine.inbound.InboundRejectedException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.NotFoundException;
import org.openpayloads.api.RetriableException;
import org.openpayloads.web.dto.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one exception mapper: holds the whole status table and writes every error as
 * {@code {"error":{"code","message","fields"}}}. A request's own fault is a 4xx, logged at DEBUG; anything
 * else is a 500 with a generic message and an error id, logged with its stack trace at ERROR, so that no
 * internal detail reaches the client.
 */
public final class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    private static final int MAX_UNWRAP = 8;

    // Request-scoped proxies injected by Jersey; null when a unit test calls toResponse directly.
    @Context
    private @Nullable UriInfo uriInfo;
    @Context
    private @Nullable HttpHeaders headers;
    @Context
    private @Nullable Request request;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = relevant(thrown);
        if (e instanceof ApiException api) {
            return clientError(api.code(), api.getMessage(), api.fields(), api.headers());
        }
        if (e instanceof ConfigException config) {
            return clientError(ErrorCode.VALIDATION_FAILED, config.getMessage(), config.errors(), Map.of());
        }
        if (e instanceof MappingException mapping) {
            return clientError(ErrorCode.VALIDATION_FAILED, mapping.getMessage(), List.of(), Map.of());
        }
        if (e instanceof ConflictException conflict) {
            List<FieldError> fields = conflict.field() == null ? List.of()
                    : List.of(new FieldError(conflict.field(), conflict.getMessage()));
            return clientError(ErrorCode.CONFLICT, conflict.getMessage(), fields, Map.of());
        }
        if (e instanceof NotFoundException notFound) {
            return clientError(ErrorCode.NOT_FOUND, notFound.getMessage(), List.of(), Map.of());
        }
        if (e instanceof AuthenticationException refused) {
            return clientError(ErrorCode.UNAUTHORIZED, refused.getMessage(), List.of(), Map.of());
        }
        if (e instanceof InboundRejectedException rejected) {
            return rejected(rejected);
        }
        if (e instanceof RetriableException retriable) {
            return unavailable(retriable);
        }
        if (e instanceof JacksonException jackson) {
            return JacksonErrors.explain(jackson)
                    .map(p -> clientError(p.code(), p.message(), p.fields(), Map.of()))
                    .orElseGet(() -> unexpected(thrown));
        }
        if (e instanceof NoContentException) {
            return clientError(ErrorCode.BAD_REQUEST, ApiException.BODY_REQUIRED, List.of(), Map.of());
        }
        if (e instanceof WebApplicationException web) {
            return fromStatus(web);
        }
        return unexpected(thrown);
    }

    /**
     * The exception that says what went wrong. Tested with Jersey 3.1.12: what Jackson throws while reading a
     * body reaches this mapper unwrapped (Jersey strips its MappableException), as does an exception from a
     * filter or an entity stream. The unwrapping guards the other ways a failure can arrive wrapped: a
     * {@link ProcessingException} (Jersey's ContainerException is one), or a WebApplicationException or
     * JsonMappingException carrying the real cause.
     */
    static Throwable relevant(Throwable thrown) {
        Throwable e = thrown;
        for (int i = 0; i < MAX_UNWRAP && e.getCause() != null && e.getCause() != e; i++) {
            boolean wrapper = e instanceof ProcessingException || e instanceof UncheckedIOException;
            boolean explainedCause = (e instanceof WebApplicationException || e instanceof JacksonException)
                    && e.getCause() instanceof ApiException
                    || e instanceof WebApplicationException && e.getCause() instanceof JacksonException;
            if (!wrapper && !explainedCause) {
                break;
            }
            e = e.getCause();
        }
        return e;
    }

    private Response fromStatus(WebApplicationException web) {
        Response original = web.getResponse();
        int status = original.getStatus();
        ErrorCode code = ErrorCode.forStatus(status);
        if (status >= 500) {
            if (status == 503) {
                LOG.warn("Service unavailable: {}", web.toString());
                return respond(status, code, "The service is unavailable; retry later", List.of(),
                        copied(original, "Retry-After"));
            }
            return unexpected(web);
        }
        Map<String, String> copied = copied(original, HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE);
        return respond(status, code, describe(code, original), List.of(), copied);
    }

    private String describe(ErrorCode code, Response original) {
        return switch (code) {
            case NOT_FOUND -> "No resource at " + path();
            case METHOD_NOT_ALLOWED -> "Method " + method() + " is not allowed on " + path() + "; expected one of "
                    + String.join(", ", new TreeSet<>(original.getAllowedMethods()));
            case UNSUPPORTED_MEDIA_TYPE -> "Content-Type " + contentType() + " is not supported here; expected "
                    + "application/json (or application/merge-patch+json for PATCH)";
            case NOT_ACCEPTABLE -> "Cannot answer in any media type the Accept header allows; expected it to "
                    + "allow application/json";
            case UNAUTHORIZED -> "Authentication is required";
            default -> ("The request was rejected: " + original.getStatus() + " " + reason(original.getStatus())).trim();
        };
    }

    private Response unavailable(RetriableException retriable) {
        LOG.warn("A temporary failure answered 503: {}", retriable.toString());
        Map<String, String> retryAfter = retriable.retryAfter()
                .map(d -> Map.of("Retry-After", String.valueOf(Math.max(1, d.toSeconds()))))
                .orElse(Map.of());
        return respond(503, ErrorCode.SERVICE_UNAVAILABLE, "A temporary failure occurred; retry later", List.of(),
                retryAfter);
    }

    private Response rejected(InboundRejectedException rejected) {
        return switch (rejected.reason()) {
            case UNSUPPORTED_CONTENT_TYPE -> clientError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, rejected.getMessage(),
                    List.of(new FieldError("Content-Type", rejected.getMessage())), Map.of());
            case INVALID_BODY -> clientError(ErrorCode.BAD_REQUEST, rejected.getMessage(),
                    List.of(new FieldError("body", rejected.getMessage())), Map.of());
            case INACTIVE -> {
                Duration wait = rejected.retryAfter() == null ? Duration.ofSeconds(60) : rejected.retryAfter();
                yield respond(503, ErrorCode.SERVICE_UNAVAILABLE, rejected.getMessage(), List.of(),
                        Map.of("Retry-After", String.valueOf(Math.max(1, wait.toSeconds()))));
            }
        };
    }

    private Response unexpected(Throwable thrown) {
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected error {} on {} {}", errorId, method(), path(), thrown);
        return respond(500, ErrorCode.INTERNAL_ERROR, "An unexpected error occurred; it was logged with error id "
                + errorId, List.of(), Map.of());
    }

    private Response clientError(ErrorCode code, String message, List<FieldError> fields,
                                 Map<String, String> extraHeaders) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} answered {} {}: {}", method(), path(), code.status(), code, message);
        }
        return respond(code.status(), code, message, fields, extraHeaders);
    }

    private static Response respond(int status, ErrorCode code, String message, List<FieldError> fields,
                                    Map<String, String> extraHeaders) {
        Response.ResponseBuilder builder = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponse.of(code.name(), message, fields));
        extraHeaders.forEach(builder::header);
        return builder.build();
    }

    private static Map<String, String> copied(Response original, String... names) {
        Map<String, String> copied = new java.util.LinkedHashMap<>();
        for (String name : names) {
            String value = original.getHeaderString(name);
            if (value != null) {
                copied.put(name, value);
            }
        }
        return copied;
    }

    private String path() {
        return uriInfo == null ? "this path" : "/" + uriInfo.getPath();
    }

    private String method() {
        return request == null ? "this method" : request.getMethod();
    }

    private String contentType() {
        MediaType type = headers == null ? null : headers.getMediaType();
        return type == null ? "(none)" : "'" + type + "'";
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "" : known.getReasonPhrase();
    }
}
