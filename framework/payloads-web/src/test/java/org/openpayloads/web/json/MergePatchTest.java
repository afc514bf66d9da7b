package org.openpayloads.web.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MergePatchTest {

    private final ObjectMapper mapper = new ObjectMapper();

    /** Every row of RFC 7396, Appendix A: original, patch, result. */
    static Stream<Arguments> rfc7396AppendixA() {
        return Stream.of(
                Arguments.of("{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
                Arguments.of("{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}"),
                Arguments.of("{\"a\":\"b\"}", "{\"a\":null}", "{}"),
                Arguments.of("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}"),
                Arguments.of("{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
                Arguments.of("{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}"),
                Arguments.of("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}"),
                Arguments.of("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}"),
                Arguments.of("[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]"),
                Arguments.of("{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]"),
                Arguments.of("{\"a\":\"foo\"}", "null", "null"),
                Arguments.of("{\"a\":\"foo\"}", "\"bar\"", "\"bar\""),
                Arguments.of("{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}"),
                Arguments.of("[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}"),
                Arguments.of("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}"));
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @MethodSource("rfc7396AppendixA")
    void appliesEveryExampleOfTheRfc(String original, String patch, String result) throws Exception {
        assertThat(MergePatch.apply(json(original), json(patch))).isEqualTo(json(result));
    }

    @Test
    void appliesTheExampleOfSection3() throws Exception {
        JsonNode target = json("""
                {"title":"Goodbye!","author":{"givenName":"John","familyName":"Doe"},
                 "tags":["example","sample"],"content":"This will be unchanged"}""");
        JsonNode patch = json("""
                {"title":"Hello!","phoneNumber":"+01-123-456-7890","author":{"familyName":null},"tags":["example"]}""");

        assertThat(MergePatch.apply(target, patch)).isEqualTo(json("""
                {"title":"Hello!","author":{"givenName":"John"},"tags":["example"],
                 "content":"This will be unchanged","phoneNumber":"+01-123-456-7890"}"""));
    }

    @Test
    void changesNeitherInput() throws Exception {
        JsonNode target = json("{\"a\":{\"b\":\"c\"},\"d\":1}");
        JsonNode patch = json("{\"a\":{\"b\":null},\"d\":null}");

        MergePatch.apply(target, patch);

        assertThat(target).isEqualTo(json("{\"a\":{\"b\":\"c\"},\"d\":1}"));
        assertThat(patch).isEqualTo(json("{\"a\":{\"b\":null},\"d\":null}"));
    }

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }
}
