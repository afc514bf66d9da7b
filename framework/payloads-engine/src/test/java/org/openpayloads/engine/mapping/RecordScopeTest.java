package org.openpayloads.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.engine.mapping.Mappings.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordScopeTest {

    private static final JsonNode BODY = json("{\"id\": \"in_1\", \"lines\": [{\"sku\": \"A\"}]}");
    private static final Map<String, ElementReader> READERS = Map.of("$.id", ElementReader.compile("$.id"),
            "@.sku", ElementReader.compile("@.sku"));
    private final RecordScope scope = new RecordScope(READERS, BODY, BODY.at("/lines/0"), Mappings.CLOCK,
            ZoneId.of("Europe/Paris"));

    @Test
    void readsThePlansPathsFromTheBodyAndTheItem() {
        assertThat(scope.read("$.id")).isEqualTo(TextNode.valueOf("in_1"));
        assertThat(scope.read("@.sku")).isEqualTo(TextNode.valueOf("A"));
        assertThat(scope.read(READERS.get("@.sku"))).isEqualTo(TextNode.valueOf("A"));
    }

    @Test
    void refusesAPathThePlanDidNotCompile() {
        assertThatThrownBy(() -> scope.read("$.lines"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("path $.lines was not compiled with the plan");
    }

    @Test
    void givesExpressionsTheRunsClockAndZone() {
        assertThat(scope.clock()).isSameAs(Mappings.CLOCK);
        assertThat(scope.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }
}
