package org.openpayloads.engine.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.JobRequest;

/**
 * Masks what a payload marks for redaction in a stored request before anyone sees it: element paths in a
 * JSON body ({@code $.data.object.payment_method_details.card}), form fields by their path's last name, and
 * header names. The stored request stays whole, so that a replay runs on what was received.
 *
 * <p>XML and text bodies have no paths to mask one by one; when a payload marks any path, such a body is
 * hidden whole.
 */
final class RequestRedaction {

    static final String MASK = "[REDACTED]";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(JSON))
            .mappingProvider(new JacksonMappingProvider(JSON))
            .options(Set.of(Option.SUPPRESS_EXCEPTIONS))
            .build();

    private RequestRedaction() {
    }

    /**
     * The request with the payload's redactions masked.
     *
     * @param redactions element paths (starting with {@code $}) and header names
     */
    static JobRequest redact(JobRequest request, List<String> redactions) {
        if (redactions.isEmpty()) {
            return request;
        }
        List<String> paths = redactions.stream().filter(r -> r.startsWith("$")).toList();
        Set<String> headers = redactions.stream().filter(r -> !r.startsWith("$"))
                .map(r -> r.startsWith("header:") ? r.substring("header:".length()) : r)
                .map(r -> r.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Map<String, String> maskedHeaders = new TreeMap<>();
        request.headers().forEach((name, value) ->
                maskedHeaders.put(name, headers.contains(name.toLowerCase(Locale.ROOT)) ? MASK : value));
        byte[] body = paths.isEmpty() ? request.body() : maskBody(request, paths);
        return new JobRequest(request.contentType(), maskedHeaders, body);
    }

    private static byte[] maskBody(JobRequest request, List<String> paths) {
        ContentType type = request.contentType() == null ? ContentType.JSON
                : ContentType.ofHeader(request.contentType()).orElse(ContentType.TEXT);
        return switch (type) {
            case JSON -> maskJson(request.body(), paths);
            case FORM_URL_ENCODED -> maskForm(request.body(), paths);
            default -> ("[" + type.mediaType() + " body hidden: the payload redacts fields, and only JSON and form "
                    + "bodies can be masked field by field]").getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] maskJson(byte[] body, List<String> paths) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException e) {
            return "[body hidden: it is not valid JSON, so its redacted fields cannot be found]"
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (!(tree instanceof ObjectNode) && !tree.isArray()) {
            return body;
        }
        DocumentContext document = JsonPath.using(JACKSON).parse(tree);
        for (String path : paths) {
            document.set(path, MASK);
        }
        try {
            return JSON.writeValueAsBytes(document.json());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a masked body", e);
        }
    }

    private static byte[] maskForm(byte[] body, List<String> paths) {
        Set<String> names = paths.stream().map(RequestRedaction::lastName).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        List<String> pairs = new ArrayList<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            pairs.add(names.contains(name) ? URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + MASK : pair);
        }
        return String.join("&", pairs).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code $.card} and {@code $['card']} name {@code card}. */
    private static Optional<String> lastName(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        if (last.endsWith("']") && last.contains("['")) {
            last = last.substring(last.lastIndexOf("['") + 2, last.length() - 2);
        }
        return last.isEmpty() || last.equals("$") ? Optional.empty() : Optional.of(last);
    }
}
