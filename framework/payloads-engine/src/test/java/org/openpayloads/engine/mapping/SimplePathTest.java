package org.openpayloads.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayloads.engine.mapping.Mappings.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimplePathTest {

    private static final JsonNode BODY = json("""
            {"data": {"object": {"id": "ch_1", "amount": 500, "paid": true, "email": null,
                                 "billing_details": {"address": {"city": "Paris"}},
                                 "lines": [{"sku": "A", "x-y": 1}, {"sku": "B"}],
                                 "metadata": {"order.id": "o-7", "@qty": "2", "0": "zero"}}}}""");

    @ParameterizedTest
    @ValueSource(strings = {"$", "@", "$.data", "$.data.object.id", "@.sku", "$.a_b-c", "$[0]", "$.lines[12]",
            "$['x-y']", "$.data['object'].id", "$['order.id']", "$['@qty']", "$.metadata.0", "$.a[007]"})
    void takesPathsOfMemberNamesAndIndexes(String path) {
        assertThat(SimplePath.parse(path)).isNotNull().extracting(SimplePath::path).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "data.id", "$..id", "$.*", "$.lines[*]", "$.lines[-1]", "$.lines[0:2]",
            "$.lines[?(@.sku == 'A')]", "$.", "$.a.", "$['a','b']", "$['it\\'s']", "$[\"a\"]", "$.lines[0",
            "$['']", "$[]", "$[1234567890]", "$.a b", "$.length()", "$.é", "#.a", "$[ 0 ]"})
    void leavesEverythingElseToJsonPath(String path) {
        assertThat(SimplePath.parse(path)).isNull();
    }

    @Test
    void walksMembersAndIndexes() {
        assertThat(read("$.data.object.id")).isEqualTo(TextNode.valueOf("ch_1"));
        assertThat(read("$.data.object.billing_details.address.city")).isEqualTo(TextNode.valueOf("Paris"));
        assertThat(read("$.data.object.lines[1].sku")).isEqualTo(TextNode.valueOf("B"));
        assertThat(read("$.data.object.lines[0]['x-y']")).isEqualTo(json("1"));
        assertThat(read("$.data.object.metadata['order.id']")).isEqualTo(TextNode.valueOf("o-7"));
        assertThat(read("$.data.object.metadata.0")).isEqualTo(TextNode.valueOf("zero"));
        assertThat(read("$")).isSameAs(BODY);
    }

    @Test
    void answersNullForMissingNullAndMismatchedSteps() {
        assertThat(read("$.data.object.email")).as("a JSON null").isNull();
        assertThat(read("$.data.object.missing")).isNull();
        assertThat(read("$.data.object.missing.deeper")).isNull();
        assertThat(read("$.data.object.lines[2]")).as("past the end").isNull();
        assertThat(read("$.data.object.id.length")).as("a member of a text").isNull();
        assertThat(read("$.data.object[0]")).as("an index into an object").isNull();
        assertThat(read("$.data.object.lines.sku")).as("a member of an array").isNull();
    }

    @Test
    void anItemPathStartsAtTheCurrentItem() {
        JsonNode item = BODY.at("/data/object/lines/0");
        SimplePath sku = SimplePath.parse("@.sku");

        assertThat(sku.relative()).isTrue();
        assertThat(sku.read(BODY, item)).isEqualTo(TextNode.valueOf("A"));
        assertThat(SimplePath.parse("@").read(BODY, item)).isSameAs(item);
        assertThat(SimplePath.parse("$.data.object.id").read(BODY, item)).isEqualTo(TextNode.valueOf("ch_1"));
    }

    private static Object read(String path) {
        return SimplePath.parse(path).read(BODY, null);
    }
}
