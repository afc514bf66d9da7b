package org.openpayloads.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpayloads.api.MappingException;

class JsonBodiesTest {

    private static final Charset UTF_8 = StandardCharsets.UTF_8;

    private final JsonBodies json = new JsonBodies(ParseLimits.DEFAULTS);

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":{\"b\":[1,2.5,true,null,\"x\"]}}", "[1,2]", "\"text\"", "42", "{}"})
    void parsesAnyJsonValue(String body) throws Exception {
        assertThat(json.parse(body.getBytes(UTF_8), UTF_8)).isEqualTo(new ObjectMapper().readTree(body));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"a": 1                 | Truncated/invalid JSON at line 1, column 8
            {"a":\\n tru}           | Truncated/invalid JSON at line 2, column
            [1,]                    | Truncated/invalid JSON at line 1, column 4
            {"a": 1} {"b": 2}       | Truncated/invalid JSON at line 1, column 10: more content after the JSON value
            {"a": 1}]               | Truncated/invalid JSON at line 1, column 9
            ''                      | The JSON body is empty
            `   `                   | The JSON body is empty
            """)
    void refusesInvalidJsonWithWhereItWentWrong(String body, String message) {
        String text = body.equals("''") ? "" : body.replace("\\n", "\n");

        assertThatThrownBy(() -> json.parse(text.getBytes(UTF_8), UTF_8))
                .isInstanceOf(MappingException.class).hasMessageStartingWith(message);
    }

    @Test
    void refusesTenThousandLevelsOfNestingWithoutOverflowingTheStack() {
        byte[] arrays = "[".repeat(10_000).getBytes(UTF_8);
        byte[] objects = "{\"a\":".repeat(10_000).getBytes(UTF_8);

        assertThatThrownBy(() -> json.parse(arrays, UTF_8))
                .isInstanceOf(MappingException.class).hasMessage("The JSON body is nested deeper than 200 levels");
        assertThatThrownBy(() -> json.parse(objects, UTF_8))
                .isInstanceOf(MappingException.class).hasMessage("The JSON body is nested deeper than 200 levels");
    }

    @Test
    void acceptsNestingUpToTheLimit() {
        byte[] body = ("[".repeat(200) + "]".repeat(200)).getBytes(UTF_8);

        assertThat(json.parse(body, UTF_8).isArray()).isTrue();
    }

    @Test
    void refusesBytesThatAreNotInTheCharset() {
        byte[] latin1 = "{\"city\":\"Orléans\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> json.parse(latin1, UTF_8))
                .isInstanceOf(MappingException.class).hasMessageStartingWith("The JSON body is not valid UTF-8");
        assertThat(json.parse(latin1, StandardCharsets.ISO_8859_1).get("city").asText()).isEqualTo("Orléans");
    }

    @Test
    void skipsAByteOrderMark() {
        byte[] body = "\uFEFF{\"a\":1}".getBytes(UTF_8);

        assertThat(json.parse(body, UTF_8).get("a").asInt()).isEqualTo(1);
    }
}
