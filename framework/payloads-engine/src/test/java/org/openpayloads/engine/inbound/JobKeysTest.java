package org.openpayloads.engine.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openpayloads.engine.model.AuditInfo;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.Direction;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.model.PayloadKind;

class JobKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Payload payload(String dedupe, String ordering) {
        return new Payload("charge", "Charge", null, Direction.INBOUND, PayloadKind.API_PUSH, ContentType.JSON, false,
                true, null, dedupe, ordering, false, null, null, null, null, null, null, null, null,
                new AuditInfo(null, null, null, null, 7));
    }

    private static JsonNode body(String json) throws Exception {
        return JSON.readTree(json);
    }

    private static final Function<String, Optional<String>> NO_HEADERS = name -> Optional.empty();

    @Test
    void readsKeysFromElementPathsOfTheBody() throws Exception {
        JobKeys keys = JobKeys.compile(payload("$.id", "$.data.object.customer"));
        JsonNode event = body("{\"id\":\"evt_1\",\"data\":{\"object\":{\"customer\":\"cus_9\"}}}");

        assertThat(keys.dedupeKey(NO_HEADERS, event)).isEqualTo("evt_1");
        assertThat(keys.orderingKey(NO_HEADERS, event)).isEqualTo("cus_9");
    }

    @Test
    void aMissingNullOrBlankValueIsNoKey() throws Exception {
        JobKeys keys = JobKeys.compile(payload("$.id", "$.data.object.customer"));

        assertThat(keys.dedupeKey(NO_HEADERS, body("{}"))).isNull();
        assertThat(keys.orderingKey(NO_HEADERS, body("{\"data\":{\"object\":{\"customer\":null}}}"))).isNull();
        assertThat(keys.dedupeKey(NO_HEADERS, body("{\"id\":\"  \"}"))).isNull();
        assertThat(JobKeys.compile(payload(null, null)).dedupeKey(NO_HEADERS, body("{\"id\":1}"))).isNull();
    }

    @Test
    void readsAKeyFromAHeaderWhenTheKeyNamesOne() throws Exception {
        JobKeys keys = JobKeys.compile(payload("header:Idempotency-Key", null));
        Map<String, String> headers = Map.of("Idempotency-Key", "order-42");

        assertThat(keys.dedupeKey(name -> Optional.ofNullable(headers.get(name)), body("{}"))).isEqualTo("order-42");
        assertThat(keys.dedupeKey(NO_HEADERS, body("{}"))).isNull();
    }

    @Test
    void aNumberOrObjectIsKeyedByItsText() throws Exception {
        JobKeys keys = JobKeys.compile(payload("$.n", "$.o"));
        JsonNode body = body("{\"n\":42,\"o\":{\"a\":1}}");

        assertThat(keys.dedupeKey(NO_HEADERS, body)).isEqualTo("42");
        assertThat(keys.orderingKey(NO_HEADERS, body)).isEqualTo("{\"a\":1}");
    }

    @Test
    void aKeyTooLongToStoreIsStoredAsItsHashWhichIsAsUnique() {
        String longKey = "k".repeat(600);

        assertThat(JobKeys.fit(longKey)).startsWith("sha256:").hasSize(7 + 64).isEqualTo(JobKeys.fit(longKey))
                .isNotEqualTo(JobKeys.fit(longKey + "x"));
        assertThat(JobKeys.fit("k".repeat(500))).isEqualTo("k".repeat(500));
    }

    @Test
    void keysAreCompiledForOneVersionOfThePayload() {
        Payload payload = payload("$.id", null);
        JobKeys keys = JobKeys.compile(payload);

        assertThat(keys.compiledFrom(payload)).isTrue();
        assertThat(keys.compiledFrom(new Payload("charge", "Charge", null, Direction.INBOUND, PayloadKind.API_PUSH,
                ContentType.JSON, false, true, null, "$.other", null, false, null, null, null, null, null, null, null,
                null, new AuditInfo(null, null, null, null, 8)))).isFalse();
    }
}
