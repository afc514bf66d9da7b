package org.openpayloads.engine.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.openpayloads.api.MappingException;

/** JSON bodies, through Jackson with a nesting limit. */
final class JsonBodies {

    private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at \\[Source:.*?\\]\\)");

    private final ObjectMapper mapper;
    private final int maxDepth;

    JsonBodies(ParseLimits limits) {
        this.maxDepth = limits.maxDepth();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxDepth()).build())
                .build();
        this.mapper = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    JsonNode parse(byte[] body, Charset charset) {
        // UTF-8 goes to Jackson as bytes: it checks the encoding itself, without a decoded copy of the body.
        String text = charset.equals(StandardCharsets.UTF_8) ? null : Charsets.decode(body, charset, "The JSON body");
        try {
            JsonNode tree = text == null ? mapper.readTree(body) : mapper.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw new MappingException("The JSON body is empty; expected a JSON value such as {\"id\": 1}");
            }
            return tree;
        } catch (StreamConstraintsException e) {
            if (e.getMessage() != null && e.getMessage().contains("nesting depth")) {
                throw new MappingException("The JSON body is nested deeper than " + maxDepth + " levels", e);
            }
            throw new MappingException("The JSON body is too large: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            if (e.getOriginalMessage().startsWith("Invalid UTF-8")) {
                throw new MappingException("The JSON body is not valid UTF-8" + where + ": "
                        + reason(e.getOriginalMessage()), e);
            }
            if (e.getOriginalMessage().startsWith("Trailing token")) {
                throw new MappingException("Truncated/invalid JSON" + where + ": more content after the JSON value", e);
            }
            throw new MappingException("Truncated/invalid JSON" + where + ": " + reason(e.getOriginalMessage()), e);
        } catch (IOException e) {
            // Bytes Jackson cannot read as any Unicode encoding.
            throw new MappingException("The JSON body is not valid UTF-8: " + e.getMessage(), e);
        }
    }

    /** Jackson's reason, without the source location it already gave and a trailing second line. */
    private static String reason(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return START_MARKER.matcher(line).replaceAll("");
    }
}
