package org.openpayloads.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ElementPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"$", "$.id", "$.data.object.customer", "$.items[*].price", "$['billing_details']['name']",
            "@.price", "$.lines.data[0].amount"})
    void acceptsJsonPaths(String path) {
        assertThat(ElementPaths.problem(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"data.object", "$.[", "$..", "$.items[*", "", "id"})
    void refusesOthersWithAnExample(String path) {
        assertThat(ElementPaths.problem(path)).get().asString().contains("'" + path + "'", "$.data.object.id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"header:Idempotency-Key", "HEADER:X-Event-Id", "$.id"})
    void keysMayNameAHeader(String key) {
        assertThat(ElementPaths.keyProblem(key)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"header:", "header:Bad Name", "header:a/b"})
    void refusesBadHeaderNames(String key) {
        assertThat(ElementPaths.keyProblem(key)).get().asString().contains("header name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.customer", "$.data.object.customer", "$.data_1.Object-2._x"})
    void namesOnlyPathsNameOneValueByNames(String path) {
        assertThat(ElementPaths.namesOnlyProblem(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$", "", "customer", "@.customer", "$.items[0].price", "$.items[*].price", "$..customer",
            "$.data.*", "$['customer']", "$.data.", "$.1data", "$.data[?(@.id)]", " $.customer"})
    void refusesPathsThatAreNotNamesOnly(String path) {
        assertThat(ElementPaths.namesOnlyProblem(path)).get().asString()
                .isEqualTo("'" + path + "' is not a path of names from the root; expected for example "
                        + "$.data.object.customer (no filters, wildcards or array indexes)");
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongPaths() {
        assertThat(ElementPaths.problem("$." + "a".repeat(1000))).get().asString().contains("at most 1000");
    }

    @org.junit.jupiter.api.Test
    void extractsTheHeaderName() {
        assertThat(ElementPaths.headerName("header:Idempotency-Key")).contains("Idempotency-Key");
        assertThat(ElementPaths.headerName("$.id")).isEmpty();
    }
}
