package org.openpayloads.engine.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.MappingException;

/** The charset a Content-Type header names, and strict decoding with it. */
final class Charsets {

    private static final char BOM = '\uFEFF';

    private Charsets() {
    }

    /** The header's {@code charset=} parameter, when it has one. */
    static Optional<Charset> ofHeader(@Nullable String contentTypeHeader) {
        if (contentTypeHeader == null) {
            return Optional.empty();
        }
        if (contentTypeHeader.indexOf(';') < 0) {
            return Optional.empty(); // no parameters, as in most requests
        }
        String[] parts = contentTypeHeader.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("charset")) {
                return Optional.of(forName(unquote(parameter.substring(eq + 1).trim())));
            }
        }
        return Optional.empty();
    }

    static Charset orUtf8(@Nullable String contentTypeHeader) {
        return ofHeader(contentTypeHeader).orElse(StandardCharsets.UTF_8);
    }

    /** Decodes {@code bytes}, refusing malformed or unmappable input instead of replacing it. */
    static String decode(byte[] bytes, Charset charset, String what) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer out = decoder.decode(in);
            return out.length() > 0 && out.charAt(0) == BOM ? out.subSequence(1, out.length()).toString()
                    : out.toString();
        } catch (CharacterCodingException e) {
            throw new MappingException(what + " is not valid " + charset.name() + ": malformed input at byte "
                    + in.position() + "; send it in the charset that the Content-Type header names", e);
        }
    }

    static Charset forName(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new MappingException("Unknown charset '" + Texts.shorten(name)
                    + "'; expected one such as UTF-8 or ISO-8859-1", e);
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
