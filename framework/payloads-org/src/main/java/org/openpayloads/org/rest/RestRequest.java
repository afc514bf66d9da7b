package org.openpayloads.org.rest;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.openpayloads.org.OrgRequest;

/** A request taken apart: decoded path segments, query parameters, headers without case. */
record RestRequest(String method, List<String> segments, Map<String, List<String>> query,
                   Map<String, String> headers, byte[] body, String baseUrl) {

    static RestRequest of(OrgRequest request) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        return new RestRequest(request.method().toUpperCase(Locale.ROOT), segments(request.path()),
                parameters(request.rawQuery()), Collections.unmodifiableMap(headers), request.body(),
                request.baseUrl());
    }

    /** The same request on another path, as a composite sub-request. */
    RestRequest sub(String method, String rawPath, @Nullable String rawQuery, byte[] newBody) {
        return new RestRequest(method.toUpperCase(Locale.ROOT), segments(rawPath), parameters(rawQuery), headers,
                newBody, baseUrl);
    }

    Optional<String> parameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String part : rawPath.split("/")) {
            if (!part.isEmpty()) {
                segments.add(percentDecode(part));
            }
        }
        return List.copyOf(segments);
    }

    /** Form-style decoding of a query string or form body: {@code +} is a space. */
    static Map<String, List<String>> parameters(@Nullable String raw) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeForm(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeForm(pair.substring(eq + 1));
            parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decodeForm(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** Path decoding: {@code %XX} only, {@code +} stays a plus; a broken escape stays as written. */
    static String percentDecode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length()
                    && Character.digit(segment.charAt(i + 1), 16) >= 0
                    && Character.digit(segment.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
