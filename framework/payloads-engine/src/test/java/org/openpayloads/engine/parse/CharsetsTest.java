package org.openpayloads.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpayloads.api.MappingException;

class CharsetsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            application/json; charset=ISO-8859-1              | ISO-8859-1
            application/json;charset=utf-16                   | UTF-16
            text/plain; CHARSET="windows-1252"                | windows-1252
            application/x-www-form-urlencoded; a=b; charset=latin1 | ISO-8859-1
            """)
    void readsTheCharsetParameter(String header, String charset) {
        assertThat(Charsets.ofHeader(header)).contains(Charset.forName(charset));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain; format=flowed", "application/json;"})
    void defaultsToUtf8(String header) {
        assertThat(Charsets.ofHeader(header)).isEmpty();
        assertThat(Charsets.orUtf8(header)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Charsets.orUtf8(null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"klingon", "utf 8", "\"\""})
    void refusesAnUnknownCharsetByName(String name) {
        assertThatThrownBy(() -> Charsets.ofHeader("text/plain; charset=" + name))
                .isInstanceOf(MappingException.class).hasMessageStartingWith("Unknown charset '");
        assertThatThrownBy(() -> Charsets.ofHeader("text/plain; charset=klingon")).hasMessageContaining("'klingon'");
    }

    @Test
    void decodingReportsTheOffendingByte() {
        byte[] bytes = {'o', 'k', (byte) 0xE9, 'x'};

        assertThatThrownBy(() -> Charsets.decode(bytes, StandardCharsets.UTF_8, "The text body"))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("The text body is not valid UTF-8: malformed input at byte 2");
        assertThat(Charsets.decode(bytes, StandardCharsets.ISO_8859_1, "The text body")).isEqualTo("okéx");
    }

    @Test
    void refusesUnmappableCharacters() {
        byte[] undefinedInWindows1252 = {(byte) 0x81};

        assertThatThrownBy(() -> Charsets.decode(undefinedInWindows1252, Charset.forName("windows-1252"), "The body"))
                .isInstanceOf(MappingException.class);
    }
}
