package org.openpayloads.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpayloads.api.MappingException;
import org.openpayloads.engine.config.ElementPaths;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.DataType;
import org.openpayloads.engine.model.Element;
import org.openpayloads.testkit.Fixtures;

class SampleElementsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path STRIPE_CHARGE = Fixtures.path("stripe/event-data-charge.succeeded.json");

    @Test
    void derivesTheElementsOfAStripeCharge() throws Exception {
        JsonNode tree = new BodyParser(ParseLimits.DEFAULTS)
                .parse(ContentType.JSON, Files.readAllBytes(STRIPE_CHARGE), "application/json");

        List<Element> elements = SampleElements.from(tree);

        assertThat(element(elements, "$.object.billing_details.address.city"))
                .returns("city", Element::name).returns(DataType.STRING, Element::dataType);
        assertThat(element(elements, "$.object.amount").dataType()).isEqualTo(DataType.INTEGER);
        assertThat(element(elements, "$.object.paid").dataType()).isEqualTo(DataType.BOOLEAN);
        assertThat(element(elements, "$.object.billing_details"))
                .returns(DataType.OBJECT, Element::dataType).returns(false, Element::required);
        assertThat(allPaths(elements)).allSatisfy(path -> assertThat(ElementPaths.problem(path)).isEmpty());
    }

    @Test
    void mergesTheItemsOfAnArrayOfObjects() throws Exception {
        List<Element> elements = SampleElements.from(JSON.readTree("""
                {"items": [{"price": "p_1", "quantity": 1}, {"price": "p_2", "discount": {"amount": 2.5}}]}"""));

        Element items = element(elements, "$.items");
        assertThat(items).returns(true, Element::repeated).returns(DataType.OBJECT, Element::dataType);
        assertThat(items.children()).extracting(Element::path)
                .containsExactly("$.items[*].price", "$.items[*].quantity", "$.items[*].discount");
        assertThat(element(elements, "$.items[*].discount.amount").dataType()).isEqualTo(DataType.NUMBER);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"v": "text"}                            | STRING   | false
            {"v": null}                              | STRING   | false
            {"v": 3}                                 | INTEGER  | false
            {"v": 3.5}                               | NUMBER   | false
            {"v": false}                             | BOOLEAN  | false
            {"v": "2024-02-29"}                      | DATE     | false
            {"v": "2024-02-30"}                      | STRING   | false
            {"v": "2024-02-29T10:15:30Z"}            | DATETIME | false
            {"v": "2024-02-29T10:15:30.123+02:00"}   | DATETIME | false
            {"v": "2024-02-29T10:15"}                | DATETIME | false
            {"v": "20240229"}                        | STRING   | false
            {"v": {}}                                | OBJECT   | false
            {"v": ["a", "b"]}                        | STRING   | true
            {"v": [1, 2.5]}                          | NUMBER   | true
            {"v": [1, null, 2]}                      | INTEGER  | true
            {"v": ["2024-01-01", "2024-01-01T00:00Z"]} | DATETIME | true
            {"v": [1, "a"]}                          | STRING   | true
            {"v": []}                                | ARRAY    | true
            {"v": [[1], [2]]}                        | ARRAY    | true
            {"v": [{"a": 1}]}                        | OBJECT   | true
            """)
    void typesValuesByWhatTheyLookLike(String sample, DataType type, boolean repeated) throws Exception {
        Element v = SampleElements.from(JSON.readTree(sample)).get(0);

        assertThat(v).returns("$.v", Element::path).returns(type, Element::dataType).returns(repeated, Element::repeated);
    }

    @ParameterizedTest
    @ValueSource(strings = {"weird key", "it's", "back\\slash", "a.b", "a]b", "a[0]", "a,b", "*", "@id", "#text", "",
        "1st", "$", "é", "a\"b", "..", "?(@.x)"})
    void quotesNamesThatAreNotIdentifiersSoThePathStillFindsTheValue(String name) {
        ObjectNode sample = JSON.createObjectNode();
        sample.putObject("outer").put(name, "found");

        Element element = SampleElements.from(sample).get(0).children().get(0);

        assertThat(ElementPaths.problem(element.path())).isEmpty();
        assertThat((Object) JsonPath.read(sample.toString(), element.path())).isEqualTo("found");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            id          | $.outer.id
            _private    | $.outer._private
            created_at2 | $.outer.created_at2
            weird key   | $.outer['weird key']
            it's        | $.outer['it\\'s']
            """)
    void usesDotsForIdentifiersAndBracketsOtherwise(String name, String path) {
        assertThat(SampleElements.childPath("$.outer", name)).isEqualTo(path);
    }

    @Test
    void derivesPathsForXmlAttributesAndRepeatedElements() {
        JsonNode tree = new BodyParser(ParseLimits.DEFAULTS).parse(ContentType.XML,
                "<order id=\"7\"><line><sku>a</sku></line><line><sku>b</sku></line></order>"
                        .getBytes(StandardCharsets.UTF_8), null);

        List<String> paths = allPaths(SampleElements.from(tree));

        assertThat(paths).containsExactly("$.order", "$.order['@id']", "$.order.line", "$.order.line[*].sku");
        assertThat(paths).allSatisfy(path -> assertThat(ElementPaths.problem(path)).isEmpty());
    }

    @Test
    void anArrayAtTheRootHasItemPaths() throws Exception {
        assertThat(allPaths(SampleElements.from(JSON.readTree("[{\"id\": 1}, {\"name\": \"x\"}]"))))
                .containsExactly("$[*].id", "$[*].name");
        assertThat(SampleElements.from(JSON.readTree("42"))).isEmpty();
    }

    @Test
    void refusesASampleDeeperThanItsLimitWithoutOverflowingTheStack() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode node = root;
        for (int i = 0; i <= SampleElements.MAX_DEPTH; i++) {
            node = node.putObject("a");
        }

        assertThatThrownBy(() -> SampleElements.from(root))
                .isInstanceOf(MappingException.class).hasMessageContaining("deeper than 1000 levels");
    }

    private static Element element(List<Element> elements, String path) {
        return flatten(elements).filter(e -> e.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no element " + path + " in " + allPaths(elements)));
    }

    private static List<String> allPaths(List<Element> elements) {
        List<String> paths = new ArrayList<>();
        flatten(elements).forEach(e -> paths.add(e.path()));
        return paths;
    }

    private static Stream<Element> flatten(List<Element> elements) {
        return elements.stream().flatMap(e -> Stream.concat(Stream.of(e), flatten(e.children())));
    }

}
