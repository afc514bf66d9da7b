package org.openpayloads.api.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpCallTest {

    private static final URI TOKEN_URL = URI.create("https://login.salesforce.com/services/oauth2/token");

    @Test
    void looksUpHeadersWithoutRegardToCase() {
        HttpCall call = HttpCall.of("GET", TOKEN_URL, Map.of("Content-Type", "application/json"), Duration.ofSeconds(5));

        assertThat(call.header("content-type")).contains("application/json");
        assertThat(call.headers()).containsKey("CONTENT-TYPE");
        assertThat(call.header("Accept")).isEmpty();
    }

    @Test
    void isImmutable() {
        byte[] body = "a=1".getBytes(StandardCharsets.UTF_8);
        HttpCall call = new HttpCall("POST", TOKEN_URL, Map.of(), body, Duration.ofSeconds(5));
        body[0] = 'X';
        call.body()[0] = 'Y';

        assertThat(new String(call.body(), StandardCharsets.UTF_8)).isEqualTo("a=1");
        assertThatThrownBy(() -> call.headers().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(call).isEqualTo(new HttpCall("POST", TOKEN_URL, Map.of(), "a=1".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(5)));
    }

    @Test
    void toStringShowsNeitherHeaderValuesNorTheBody() {
        HttpCall call = new HttpCall("POST", TOKEN_URL, Map.of("Authorization", "Bearer tok3n"),
                "client_secret=s3cr3t".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));

        assertThat(call.toString()).contains("POST", TOKEN_URL.toString(), "Authorization", "20 bytes")
                .doesNotContain("tok3n", "s3cr3t");
    }

    @Test
    void refusesMalformedCalls() {
        assertThatThrownBy(() -> HttpCall.of("get", TOKEN_URL, Map.of(), Duration.ofSeconds(1)))
                .hasMessageContaining("HTTP method was 'get'");
        assertThatThrownBy(() -> HttpCall.of("GET", URI.create("/relative"), Map.of(), Duration.ofSeconds(1)))
                .hasMessageContaining("URI was '/relative'; expected an absolute");
        assertThatThrownBy(() -> HttpCall.of("GET", TOKEN_URL, Map.of(), Duration.ZERO))
                .hasMessageContaining("timeout was PT0S; expected a positive duration");
    }
}
