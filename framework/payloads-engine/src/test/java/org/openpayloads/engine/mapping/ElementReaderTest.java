package org.openpayloads.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.engine.mapping.Mappings.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ElementReaderTest {

    /** The published charge.succeeded event, plus members whose names need brackets, and XML-style members. */
    private static final JsonNode EVENT = event();

    private static JsonNode event() {
        JsonNode event = StripeOrg.chargeSucceeded();
        ((ObjectNode) event).set("extra", json("""
                {"x-y": 1, "order.id": "o-7", "@qty": "2", "#text": "Widget", "0": "zero", "": "empty",
                 "nested": [[1, 2], [3]], "flag": false, "nothing": null, "big": 12345678901234567890,
                 "decimal": 19.99}"""));
        return event;
    }

    @Test
    void compilesPlainPathsToTheFastPathAndTheRestToJsonPath() {
        assertThat(ElementReader.compile("$.data.object.id")).isInstanceOf(SimplePath.class);
        assertThat(ElementReader.compile("@['#text']")).isInstanceOf(SimplePath.class);
        assertThat(ElementReader.compile("$.data.object.refunds.data[*].id")).isInstanceOf(JsonPathReader.class);
        assertThat(ElementReader.compile("$..id")).isInstanceOf(JsonPathReader.class);
    }

    @Test
    void refusesAnInvalidPath() {
        assertThatThrownBy(() -> ElementReader.compile("data.object.id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'data.object.id'");
        assertThatThrownBy(() -> ElementReader.compile("$.data[0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsWhetherAPathStartsAtTheItem() {
        assertThat(ElementReader.compile("@.sku").relative()).isTrue();
        assertThat(ElementReader.compile("@..sku").relative()).isTrue();
        assertThat(ElementReader.compile("$.sku").relative()).isFalse();
        assertThat(ElementReader.compile("$..sku").relative()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$", "$.id", "$.created", "$.data", "$.data.object", "$.data.object.id", "$.data.object.amount",
            "$.data.object.captured", "$.data.object.customer", "$.data.object.application_fee",
            "$.data.object.billing_details.address.city", "$.data.object.billing_details.name",
            "$.data.object.payment_method_details.card.brand", "$.data.object.payment_method_details.card.checks",
            "$.data.object.payment_method_details.card.checks.cvc_check", "$.data.object.metadata",
            "$.data.object.fraud_details", "$.data.object.refunds.data", "$.data.object.refunds.data[0]",
            "$.data.object.refunds.has_more", "$.data.object.missing", "$.data.object.missing.deeper",
            "$.data.object.id.deeper", "$.data.object[0]", "$.data.object.refunds.data.id",
            "$['data']['object']['id']", "$.data['object'].currency", "$.extra['x-y']", "$.extra.x-y",
            "$.extra['order.id']", "$.extra['@qty']", "$.extra['#text']", "$.extra.0", "$.extra.nested[0][1]",
            "$.extra.nested[1][0]", "$.extra.nested[2]", "$.extra.nested[1][5]", "$.extra.flag", "$.extra.nothing",
            "$.extra.nothing.deeper", "$.extra.big", "$.extra.decimal", "$.extra.nested.0", "$[0]", "$.extra[0]"})
    void theFastPathReadsWhatJaywayReads(String path) {
        SimplePath fast = SimplePath.parse(path);
        assertThat(fast).as("a plain path").isNotNull();

        Object expected = JsonPathReader.compile(path).read(EVENT, null);

        assertThat(fast.read(EVENT, null)).as(path).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@", "@.id", "@.amount", "@['x-y']", "@.refunds.data", "@.missing", "@[0]"})
    void theFastPathReadsWhatJaywayReadsFromTheItem(String path) {
        JsonNode item = EVENT.at("/data/object");
        SimplePath fast = SimplePath.parse(path);
        assertThat(fast).as("a plain path").isNotNull();

        assertThat(fast.read(EVENT, item)).as(path).isEqualTo(JsonPathReader.compile(path).read(EVENT, item));
    }
}
