package org.openpayloads.engine.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an inbound request offers to prove who sent it: its headers (names in any case) and its raw body bytes,
 * exactly as received, since a signature covers the bytes.
 */
public record InboundRequest(Map<String, List<String>> headers, byte[] body) {

    public InboundRequest {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), (a, b) -> {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        headers = copy;
    }

    /** The header's first value, if the request has it. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of the header, in order. */
    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }
}
