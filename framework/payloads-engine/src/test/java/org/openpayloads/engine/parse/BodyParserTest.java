package org.openpayloads.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.openpayloads.api.MappingException;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.testkit.Fixtures;

class BodyParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FIVE_MB = 5 * 1024 * 1024;

    private final BodyParser parser = new BodyParser(ParseLimits.DEFAULTS);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            JSON             | {"order": {"id": 1}}                 | {"order": {"id": 1}}
            FORM_URL_ENCODED | order[id]=1                          | {"order": {"id": "1"}}
            XML              | <order><id>1</id></order>            | {"order": {"id": "1"}}
            TEXT             | order 1                              | {"text": "order 1"}
            """)
    void parsesEachContentTypeIntoOneTree(ContentType type, String body, String expected) throws Exception {
        assertThat(parse(type, body, type.mediaType())).isEqualTo(JSON.readTree(expected));
    }

    @Test
    void keepsTheWholeTextBody() {
        assertThat(parse(ContentType.TEXT, "line 1\nline 2\n", null).get("text").asText()).isEqualTo("line 1\nline 2\n");
        assertThat(parse(ContentType.TEXT, "", null).get("text").asText()).isEmpty();
    }

    @Test
    void decodesPercentEscapesInTheHeadersCharset() {
        byte[] body = "city=Orl%E9ans".getBytes(StandardCharsets.US_ASCII);

        assertThat(parser.parse(ContentType.FORM_URL_ENCODED, body,
                "application/x-www-form-urlencoded; charset=ISO-8859-1").get("city").asText()).isEqualTo("Orléans");
        assertThatThrownBy(() -> parser.parse(ContentType.FORM_URL_ENCODED, body, "application/x-www-form-urlencoded"))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("The value of form field 'city' is not valid UTF-8");
    }

    @ParameterizedTest
    @EnumSource(ContentType.class)
    void refusesAnUnknownCharsetNamingIt(ContentType type) {
        assertThatThrownBy(() -> parse(type, "x", type.mediaType() + "; charset=klingon"))
                .isInstanceOf(MappingException.class).hasMessageStartingWith("Unknown charset 'klingon'");
    }

    @Test
    void decodesTextInTheHeadersCharset() {
        byte[] body = "Orléans".getBytes(StandardCharsets.UTF_16BE);

        assertThat(parser.parse(ContentType.TEXT, body, "text/plain; charset=UTF-16BE").get("text").asText())
                .isEqualTo("Orléans");
        assertThatThrownBy(() -> parser.parse(ContentType.TEXT, "Orléans".getBytes(StandardCharsets.ISO_8859_1), null))
                .isInstanceOf(MappingException.class).hasMessageStartingWith("The text body is not valid UTF-8");
    }

    @ParameterizedTest
    @EnumSource(ContentType.class)
    void parsesAFiveMegabyteBody(ContentType type) {
        String value = "x".repeat(FIVE_MB);
        String body = switch (type) {
            case JSON -> "{\"blob\": \"" + value + "\"}";
            case FORM_URL_ENCODED -> "blob=" + value;
            case XML -> "<blob>" + value + "</blob>";
            case TEXT -> value;
        };

        JsonNode tree = parse(type, body, null);

        assertThat(tree.elements().next().asText()).hasSize(FIVE_MB);
    }

    @Test
    void parsesManySmallFields() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            body.append("items[").append(i).append("][price]=p_").append(i).append('&');
        }

        assertThat(parse(ContentType.FORM_URL_ENCODED, body.toString(), null).get("items")).hasSize(5_000);
    }

    @Test
    void refusesHostileBodiesWithAMappingException() {
        assertThatThrownBy(() -> parse(ContentType.JSON, "[".repeat(10_000), null))
                .isInstanceOf(MappingException.class).hasMessage("The JSON body is nested deeper than 200 levels");
        assertThatThrownBy(() -> parse(ContentType.FORM_URL_ENCODED, "a" + "[b]".repeat(1_000) + "=1", null))
                .isInstanceOf(MappingException.class).hasMessageContaining("more than 32 [..] segments");
        assertThatThrownBy(() -> parse(ContentType.XML, "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", null))
                .isInstanceOf(MappingException.class).hasMessageContaining("DOCTYPE is refused");
    }

    @Test
    void parsesTheStripeChargeFixture() throws Exception {
        byte[] body = Fixtures.bytes("stripe/event-data-charge.succeeded.json");

        JsonNode tree = parser.parse(ContentType.JSON, body, "application/json; charset=utf-8");

        assertThat(tree.at("/object/id").asText()).isEqualTo("ch_chargeid");
        assertThat(tree.at("/object/billing_details/address").has("city")).isTrue();
    }

    @Test
    void appliesItsLimits() {
        BodyParser strict = new BodyParser(new ParseLimits(2, 1, 10));

        assertThatThrownBy(() -> strict.parse(ContentType.JSON, "[[[1]]]".getBytes(StandardCharsets.UTF_8), null))
                .hasMessage("The JSON body is nested deeper than 2 levels");
        assertThatThrownBy(() -> strict.parse(ContentType.XML, "<a><b><c/></b></a>".getBytes(StandardCharsets.UTF_8), null))
                .hasMessage("The XML body is nested deeper than 2 levels");
        assertThatThrownBy(() -> strict.parse(ContentType.FORM_URL_ENCODED, "a[b][c]=1".getBytes(StandardCharsets.UTF_8),
                null)).hasMessageContaining("more than 1 [..] segments");
    }

    private JsonNode parse(ContentType type, String body, @Nullable String header) {
        return parser.parse(type, body.getBytes(StandardCharsets.UTF_8), header);
    }
}
