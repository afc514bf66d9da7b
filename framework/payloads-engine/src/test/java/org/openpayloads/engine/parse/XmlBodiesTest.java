package org.openpayloads.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpayloads.api.MappingException;

class XmlBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final XmlBodies xml = new XmlBodies(ParseLimits.DEFAULTS);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            <order><id>1</id></order>                                  | {"order":{"id":"1"}}
            <order id="7"><item>a</item><item>b</item></order>         | {"order":{"@id":"7","item":["a","b"]}}
            <price currency="EUR">9.99</price>                         | {"price":{"@currency":"EUR","#text":"9.99"}}
            <a/>                                                       | {"a":""}
            <a b=""/>                                                  | {"a":{"@b":""}}
            <a>  padded  </a>                                          | {"a":"  padded  "}
            <a>x &amp; y &lt;z&gt;</a>                                 | {"a":"x & y <z>"}
            <a>&#233;</a>                                              | {"a":"é"}
            <a><![CDATA[<b>raw</b>]]></a>                              | {"a":"<b>raw</b>"}
            <o><!-- note --><?pi x?><id>1</id></o>                     | {"o":{"id":"1"}}
            <ns:order xmlns:ns="urn:x"><ns:id>1</ns:id></ns:order>     | {"order":{"id":"1"}}
            <o><l><p>1</p></l><l><p>2</p><q>x</q></l></o>              | {"o":{"l":[{"p":"1"},{"p":"2","q":"x"}]}}
            <o><i>1</i><x/><i>2</i><i>3</i></o>                        | {"o":{"i":["1","2","3"],"x":""}}
            <?xml version="1.0"?><a>1</a>                              | {"a":"1"}
            """)
    void mapsElementsAttributesAndText(String body, String expected) throws Exception {
        assertThat(parse(body)).isEqualTo(JSON.readTree(expected));
    }

    @Test
    void ignoresIndentationBetweenElements() throws Exception {
        String body = """
                <order id="7">
                  <customer>
                    <name>Jane</name>
                  </customer>
                </order>
                """;

        assertThat(parse(body)).isEqualTo(JSON.readTree("""
                {"order": {"@id": "7", "customer": {"name": "Jane"}}}"""));
    }

    @Test
    void refusesAnEntityBomb() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                  <!ENTITY lol "lol">
                  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>
                <lolz>&lol9;</lolz>
                """;

        assertThatThrownBy(() -> parse(bomb))
                .isInstanceOf(MappingException.class).hasMessageContaining("DOCTYPE is refused");
    }

    @Test
    void refusesAnExternalEntityWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top-secret-4711");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE order [<!ENTITY xxe SYSTEM "%s">]>
                <order><id>&xxe;</id></order>
                """.formatted(secret.toUri());

        assertThatThrownBy(() -> parse(xxe))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("DOCTYPE is refused")
                .message().doesNotContain("top-secret-4711");
    }

    @Test
    void refusesAnExternalDtd(@TempDir Path dir) throws Exception {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY leak \"top-secret-4711\">");
        String body = "<!DOCTYPE order SYSTEM \"" + dtd.toUri() + "\"><order>&leak;</order>";

        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(MappingException.class).message().doesNotContain("top-secret-4711");
    }

    @Test
    void refusesAnUndeclaredEntity() {
        assertThatThrownBy(() -> parse("<a>&nope;</a>")).isInstanceOf(MappingException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            <a><b></a>        | Invalid XML at line 1, column
            <a>1</a><b>2</b>  | Invalid XML at line 1, column
            <a>               | Invalid XML
            not xml           | Invalid XML
            ''                | Invalid XML
            """)
    void refusesMalformedXml(String body, String message) {
        assertThatThrownBy(() -> parse(body.equals("''") ? "" : body))
                .isInstanceOf(MappingException.class).hasMessageContaining(message);
    }

    @Test
    void refusesDeepNestingWithoutOverflowingTheStack() {
        String body = "<a>".repeat(10_000) + "</a>".repeat(10_000);

        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(MappingException.class).hasMessage("The XML body is nested deeper than 200 levels");
    }

    @Test
    void refusesMoreThanMaxFields() {
        XmlBodies limited = new XmlBodies(new ParseLimits(200, 32, 3));

        assertThat(limited.parse(bytes("<a x=\"1\"><b/></a>"), Optional.empty()).size()).isEqualTo(1);
        assertThatThrownBy(() -> limited.parse(bytes("<a x=\"1\"><b/><c/></a>"), Optional.empty()))
                .isInstanceOf(MappingException.class).hasMessageContaining("more than 3 elements and attributes");
    }

    @Test
    void readsTheEncodingFromTheDeclarationWhenTheHeaderNamesNone() {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><city>Orléans</city>"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(xml.parse(latin1, Optional.empty()).get("city").asText()).isEqualTo("Orléans");
    }

    @Test
    void theHeadersCharsetWins() {
        byte[] latin1 = "<city>Orléans</city>".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(xml.parse(latin1, Optional.of(StandardCharsets.ISO_8859_1)).get("city").asText()).isEqualTo("Orléans");
        assertThatThrownBy(() -> xml.parse(latin1, Optional.of(StandardCharsets.UTF_8)))
                .isInstanceOf(MappingException.class).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void refusesAnUnknownDeclaredEncodingNamingIt() {
        assertThatThrownBy(() -> parse("<?xml version=\"1.0\" encoding=\"klingon\"?><a/>"))
                .isInstanceOf(MappingException.class).hasMessageStartingWith("Unknown charset 'klingon'");
    }

    @Test
    void refusesBytesThatAreNotUtf8WhenNothingNamesACharset() {
        byte[] latin1 = "<city>Orléans</city>".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> xml.parse(latin1, Optional.empty())).isInstanceOf(MappingException.class);
    }

    private JsonNode parse(String body) {
        return xml.parse(bytes(body), Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
