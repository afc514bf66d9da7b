package org.openpayloads.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.engine.mapping.Mappings.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class JsonPathReaderTest {

    private static final JsonNode BODY = json("""
            {"data": {"object": {"id": "ch_1", "email": null,
                                 "lines": [{"sku": "A", "qty": 2}, {"sku": "B", "qty": 0},
                                           {"sku": "C", "qty": 5}]}}}""");

    @Test
    void readsWildcardsFiltersDeepScansAndSlicesAsArrays() {
        assertThat(read("$.data.object.lines[*].sku")).isEqualTo(json("[\"A\", \"B\", \"C\"]"));
        assertThat(read("$.data.object.lines[?(@.qty > 0)].sku")).isEqualTo(json("[\"A\", \"C\"]"));
        assertThat(read("$..sku")).isEqualTo(json("[\"A\", \"B\", \"C\"]"));
        assertThat(read("$.data.object.lines[1:].sku")).isEqualTo(json("[\"B\", \"C\"]"));
        assertThat(read("$.data.object.missing[*]")).isEqualTo(json("[]"));
    }

    @Test
    void readsDefinitePathsAsTheNodeItself() {
        assertThat(read("$.data.object.lines[-1].sku")).isEqualTo(TextNode.valueOf("C"));
        assertThat(read("$[\"data\"][\"object\"][\"id\"]")).isEqualTo(TextNode.valueOf("ch_1"));
    }

    @Test
    void answersNullForMissingAndNullValues() {
        assertThat(read("$.data.object.email")).isNull();
        assertThat(read("$.data.object.lines[-9]")).isNull();
        assertThat(read("$[\"data\"][\"nope\"]")).isNull();
    }

    @Test
    void anItemPathRunsOnTheCurrentItem() {
        JsonNode item = BODY.at("/data/object/lines/2");
        JsonPathReader reader = JsonPathReader.compile("@[\"sku\"]");

        assertThat(reader.relative()).isTrue();
        assertThat(reader.path()).isEqualTo("@[\"sku\"]");
        assertThat(reader.read(BODY, item)).isEqualTo(TextNode.valueOf("C"));
        assertThat(JsonPathReader.compile("@..qty").read(BODY, item)).isEqualTo(json("[5]"));
    }

    @Test
    void refusesAPathThatDoesNotStartAtTheRootOrTheItem() {
        assertThatThrownBy(() -> JsonPathReader.compile("data.id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("path 'data.id' does not start with $ or @");
        assertThatThrownBy(() -> JsonPathReader.compile(""))
                .hasMessage("path '' does not start with $ or @");
    }

    @Test
    void refusesAnInvalidJsonPathNamingIt() {
        assertThatThrownBy(() -> JsonPathReader.compile("$.lines[?(@.qty >"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("path '$.lines[?(@.qty >' is not a valid JSONPath: ");
        assertThatThrownBy(() -> JsonPathReader.compile("$.a."))
                .hasMessageStartingWith("path '$.a.' is not a valid JSONPath");
    }

    private static Object read(String path) {
        return JsonPathReader.compile(path).read(BODY, null);
    }
}
