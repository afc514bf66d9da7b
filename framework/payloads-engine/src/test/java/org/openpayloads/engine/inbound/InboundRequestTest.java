package org.openpayloads.engine.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundRequestTest {

    @Test
    void readsHeadersInAnyCaseAndKeepsEveryValue() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Trace", List.of("a"));
        headers.put("x-trace", List.of("b"));
        headers.put("Content-Type", List.of("application/json"));

        InboundRequest request = new InboundRequest(headers, new byte[0]);

        assertThat(request.header("CONTENT-TYPE")).contains("application/json");
        assertThat(request.headers("X-TRACE")).containsExactly("a", "b");
        assertThat(request.header("Missing")).isEmpty();
        assertThat(request.headers("Missing")).isEmpty();
    }
}
