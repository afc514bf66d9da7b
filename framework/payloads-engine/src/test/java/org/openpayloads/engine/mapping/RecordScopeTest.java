package org.openpayloads.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.engine.mapping.Mappings.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordScopeTest {

    private static final JsonNode BODY = json("{\"id\": \"in_1\", \"lines\": [{\"sku\": \"A\"}]}");
    private static final Map<String, ElementReader> READERS = Map.of("$.id", ElementReader.compile("$.id"),
            "@.sku", ElementReader.compile("@.sku"));
    private final RecordScope scope = new RecordScope(READERS, 0, BODY, BODY.at("/lines/0"), Mappings.CLOCK,
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

    @Test
    void readsPathsThatShareAPrefixThroughTheirParentsNodeWithTheSameAnswersAsAlone() {
        JsonNode body = json("""
                {"data": {"object": {"id": "ch_1", "amount": 500, "customer": null,
                  "card": {"brand": "visa", "checks": {"cvc": "pass"}}, "refunds": [{"id": "re_1"}, {"id": "re_2"}]}},
                 "type": "charge.succeeded"}""");
        List<String> paths = List.of("$.data.object.id", "$.data.object.amount", "$.data.object.customer",
                "$.data.object.card.brand", "$.data.object.card.checks.cvc", "$.data.object.card.missing.x",
                "$.data.object.refunds[1].id", "$['data'].object.id", "$.type", "$.type.length", "$.nothing.at.all",
                "@.id", "@.nothing");
        PathTable table = new PathTable();
        for (String path : paths) {
            table.put(path, table.linked(SimplePath.parse(path)));
        }
        JsonNode item = body.at("/data/object/refunds/0");
        RecordScope linked = new RecordScope(table.paths(), table.slots(), body, item, Mappings.CLOCK,
                ZoneId.of("UTC"));

        // Prefixes: $.data, $.data.object, …card, …card.checks, …card.missing, …refunds, …refunds[1],
        // $['data'], $['data'].object, $.nothing, $.nothing.at; $.type is a configured path already.
        assertThat(table.slots()).as("paths and their prefixes").isEqualTo(paths.size() + 11);
        for (String path : paths) {
            assertThat(linked.read(path)).as(path).isEqualTo(ElementReader.compile(path).read(body, item));
            assertThat(linked.read(path)).as(path + ", read again").isEqualTo(ElementReader.compile(path).read(body,
                    item));
        }
        assertThat(linked.read("$.data.object.card.brand")).isEqualTo(TextNode.valueOf("visa"));
        assertThat(linked.read("$.data.object.customer")).isNull();
        assertThat(linked.read("@.id")).isEqualTo(TextNode.valueOf("re_1"));
    }
}
