package org.openpayloads.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpayloads.api.MappingException;

class FormBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FormBodies form = new FormBodies(ParseLimits.DEFAULTS);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            a=1                                               | {"a":"1"}
            a=1&b=2                                           | {"a":"1","b":"2"}
            a=1&a=2                                           | {"a":["1","2"]}
            a=1&a=2&a=3                                       | {"a":["1","2","3"]}
            expand[]=a&expand[]=b                             | {"expand":["a","b"]}
            billing_details[address][city]=Paris              | {"billing_details":{"address":{"city":"Paris"}}}
            items[0][price]=p_1&items[1][price]=p_2           | {"items":[{"price":"p_1"},{"price":"p_2"}]}
            items[0][price]=p_1&items[0][quantity]=2          | {"items":[{"price":"p_1","quantity":"2"}]}
            items[2]=c                                        | {"items":[null,null,"c"]}
            items[1]=b&items[0]=a                             | {"items":["a","b"]}
            name=Jane+Doe                                     | {"name":"Jane Doe"}
            name=Jane%20Doe                                   | {"name":"Jane Doe"}
            a%5Bb%5D=1                                        | {"a":{"b":"1"}}
            flag                                              | {"flag":""}
            flag&b=2                                          | {"flag":"","b":"2"}
            a=                                                | {"a":""}
            a=&b=                                             | {"a":"","b":""}
            a=1&&b=2                                          | {"a":"1","b":"2"}
            a=1&                                              | {"a":"1"}
            e=%C3%A9                                          | {"e":"é"}
            emoji=%F0%9F%98%80                                | {"emoji":"😀"}
            v=a=b                                             | {"v":"a=b"}
            eq=a%3Db&amp=a%26b&plus=1%2B1                     | {"eq":"a=b","amp":"a&b","plus":"1+1"}
            metadata[order+id]=7                              | {"metadata":{"order id":"7"}}
            lines[][price]=a&lines[][qty]=1&lines[][price]=b  | {"lines":[{"price":"a","qty":"1"},{"price":"b"}]}
            a[b]=1&a[c]=2                                     | {"a":{"b":"1","c":"2"}}
            a[b]=1&a[b]=2                                     | {"a":{"b":["1","2"]}}
            a[]=1&a=2                                         | {"a":["1","2"]}
            x[0][]=a&x[0][]=b                                 | {"x":[["a","b"]]}
            0=zero                                            | {"0":"zero"}
            a[b][c][d]=deep                                   | {"a":{"b":{"c":{"d":"deep"}}}}
            a[]=                                              | {"a":[""]}
            """)
    void parsesBracketNotation(String body, String expected) throws Exception {
        assertThat(parse(body, StandardCharsets.UTF_8)).isEqualTo(JSON.readTree(expected));
    }

    @Test
    void anEmptyBodyIsAnEmptyObject() {
        assertThat(parse("", StandardCharsets.UTF_8)).isEqualTo(JSON.createObjectNode());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a=%zz                    | Malformed percent escape in the form value of 'a'
            a=%4                     | Malformed percent escape in the form value of 'a'
            a%=1                     | Malformed percent escape in the form key 'a%'
            a=1&a[b]=2               | The form key 'a[b]' conflicts with an earlier one: 'a' is already a value
            a[b]=1&a=2               | The form key 'a' conflicts with an earlier one: 'a' is already an object
            a[b]=1&a[0]=2            | 'a' is already an object
            a[0]=1&a[b]=2            | 'a' is already an array
            a[0]=1&a[0]=2            | 'a[0]' is already a value
            a[b]=1&a[b][c]=2         | 'a[b]' is already a value
            a[b=1                    | The form key 'a[b' has malformed brackets
            [a]=1                    | The form key '[a]' has malformed brackets
            a[b]c=1                  | The form key 'a[b]c' has malformed brackets
            =1                       | a field with an empty name
            items[10000]=x           | The index [10000] of form key 'items[10000]' is too large; expected less than 10000
            items[99999999999]=x     | is too large
            k=%E9                    | The value of form field 'k' is not valid UTF-8
            %FF=1                    | The form key '%FF' is not valid UTF-8
            """)
    void refusesWithTheKey(String body, String message) {
        assertThatThrownBy(() -> parse(body, StandardCharsets.UTF_8))
                .isInstanceOf(MappingException.class).hasMessageContaining(message);
    }

    @Test
    void percentEscapesAreBytesInTheBodysCharset() {
        assertThat(parse("city=Orl%E9ans", StandardCharsets.ISO_8859_1).get("city").asText()).isEqualTo("Orléans");
        assertThat(parse("city=Orl%C3%A9ans", StandardCharsets.UTF_8).get("city").asText()).isEqualTo("Orléans");
    }

    @Test
    void aKeyWithAThousandBracketsIsRefusedWithoutOverflowingTheStack() {
        String key = "a" + "[b]".repeat(1_000);

        assertThatThrownBy(() -> parse(key + "=1", StandardCharsets.UTF_8))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("has more than 32 [..] segments")
                .hasMessageContaining("(3001 characters)");
    }

    @Test
    void aKeyMayHaveExactlyMaxKeyBrackets() {
        FormBodies limited = new FormBodies(new ParseLimits(200, 3, 100));

        assertThat(limited.parse("a[b][c][d]=1".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .at("/a/b/c/d").asText()).isEqualTo("1");
        assertThatThrownBy(() -> limited.parse("a[b][c][d][e]=1".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isInstanceOf(MappingException.class).hasMessageContaining("more than 3 [..] segments");
    }

    @Test
    void refusesMoreThanMaxFields() {
        FormBodies limited = new FormBodies(new ParseLimits(200, 32, 3));

        assertThatThrownBy(() -> limited.parse("a=1&b=2&c=3&d=4".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isInstanceOf(MappingException.class).hasMessage("The form body has more than 3 fields");
        assertThatThrownBy(() -> limited.parse("a[]=1&a[]=2&a[]=3&a[]=4".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)).isInstanceOf(MappingException.class);
    }

    @Test
    void valuesAreNotEchoedInErrors() {
        assertThatThrownBy(() -> parse("password=s3cr%zzet", StandardCharsets.UTF_8))
                .isInstanceOf(MappingException.class).message().doesNotContain("s3cr");
    }

    private JsonNode parse(String body, Charset charset) {
        return form.parse(body.getBytes(StandardCharsets.UTF_8), charset);
    }
}
