package org.openpayloads.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.inbound.InboundRequest;
import org.openpayloads.engine.inbound.InboundService;
import org.openpayloads.web.error.ErrorMapper;
import org.openpayloads.web.resource.InboundResource;

/**
 * The common inbound request, taken before Jersey: {@code POST /in/{integration}/{payload}} with a
 * Content-Type that is a media type or none, and an Accept that takes JSON. It runs the same
 * {@link InboundService#receive} as {@link InboundResource}, answers with the same
 * {@link InboundResource#answer}, and maps a failure through the same {@link ErrorMapper}; only Jersey's
 * routing, injection and writers are skipped, which were half of an inbound request's cost. Every other
 * request, and any request of an unusual shape (another method, an encoded or longer path, a query other than
 * {@code mode=async}, a declared body over the limit), goes to Jersey as before.
 */
final class InboundFastPath extends HttpHandler {

    private static final Pattern PATH = Pattern.compile("/in/([A-Za-z0-9_-]{1,80})/([A-Za-z0-9_-]{1,80})");
    private static final String JSON = "application/json";

    private final HttpHandler jersey;
    private final InboundService inbound;
    private final ObjectMapper json;
    private final ErrorMapper errors = new ErrorMapper();

    InboundFastPath(HttpHandler jersey, InboundService inbound, ObjectMapper json) {
        super("inbound-fast-path");
        this.jersey = jersey;
        this.inbound = inbound;
        this.json = json;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        Matcher path = PATH.matcher(request.getRequestURI());
        if (!path.matches() || !isCommon(request)) {
            jersey.service(request, response);
            return;
        }
        jakarta.ws.rs.core.Response answer;
        try {
            InboundService.Received received = inbound.receive(path.group(1), path.group(2),
                    new InboundRequest(headers(request), InboundResource.read(request.getInputStream(),
                            inbound.settings().maxBodyBytes())),
                    request.getHeader("Content-Type"), request::getRemoteAddr, false);
            answer = InboundResource.answer(inbound, received);
        } catch (RuntimeException e) {
            answer = errors.toResponse(e);
        }
        write(response, answer);
    }

    /** POST, no query but {@code mode=async}, a Content-Type Jersey would take, and a body within the limit. */
    private boolean isCommon(Request request) {
        if (request.getMethod() != Method.POST) {
            return false;
        }
        String query = request.getQueryString();
        if (query != null && !query.equals("mode=async")) {
            return false;
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && !contentType.isBlank()) {
            try {
                MediaType.valueOf(contentType);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return acceptsJson(request.getHeader("Accept"))
                && request.getContentLengthLong() <= inbound.settings().maxBodyBytes();
    }

    /** No Accept header, or one with a range that takes JSON; what else Jersey would refuse (406) goes to it. */
    static boolean acceptsJson(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            for (String range : accept.split(",")) {
                MediaType type = MediaType.valueOf(range.strip());
                String q = type.getParameters().get("q");
                if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && (q == null || Double.parseDouble(q) > 0)) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : request.getHeaderNames()) {
            List<String> values = new ArrayList<>();
            request.getHeaders(name).forEach(values::add);
            headers.put(name, values);
        }
        return headers;
    }

    private void write(Response response, jakarta.ws.rs.core.Response answer) throws IOException {
        byte[] bytes = json.writeValueAsBytes(answer.getEntity());
        response.setStatus(answer.getStatus());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name,
                String.valueOf(value))));
        response.setContentType(JSON);
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }
}
