package org.openpayloads.api.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpResultTest {

    @Test
    void readsHeadersWhateverTheirCase() {
        HttpResult http2 = new HttpResult(200, Map.of("sforce-limit-info", "api-usage=1/5000"), new byte[0]);
        HttpResult http1 = new HttpResult(200, Map.of("Sforce-Limit-Info", "api-usage=1/5000"), new byte[0]);

        assertThat(http2.header("Sforce-Limit-Info")).contains("api-usage=1/5000");
        assertThat(http1.header("sforce-limit-info")).contains("api-usage=1/5000");
    }

    @Test
    void decodesTheBodyAndTellsSuccess() {
        HttpResult created = new HttpResult(201, Map.of(), "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(created.bodyText()).isEqualTo("{\"id\":\"x\"}");
        assertThat(created.isSuccess()).isTrue();
        assertThat(new HttpResult(300, Map.of(), new byte[0]).isSuccess()).isFalse();
        assertThat(new HttpResult(199, Map.of(), new byte[0]).isSuccess()).isFalse();
    }

    @Test
    void toStringHidesTheBody() {
        HttpResult token = new HttpResult(200, Map.of(), "{\"access_token\":\"00Dx!secret\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(token.toString()).contains("200").doesNotContain("00Dx!secret");
        assertThat(token).isEqualTo(new HttpResult(200, Map.of(), token.body()));
    }

    @Test
    void refusesAnImpossibleStatus() {
        assertThatThrownBy(() -> new HttpResult(42, Map.of(), new byte[0]))
                .hasMessage("HTTP status was 42; expected 100 to 599");
    }
}
