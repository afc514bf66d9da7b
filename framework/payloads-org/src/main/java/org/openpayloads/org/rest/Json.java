package org.openpayloads.org.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Reads request bodies and writes answers. Bodies are read by hand from bytes (never by Jersey), so a
 * malformed one is Salesforce's {@code JSON_PARSER_ERROR}, not a framework's error page.
 */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .nodeFactory(org.openpayloads.org.data.RecordJson.NODES)
            .build();

    /** A body that is not JSON, with Jackson's description and where it stopped. */
    static final class Malformed extends Exception {

        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private Json() {
    }

    static JsonNode parse(byte[] body) throws Malformed {
        if (body.length == 0) {
            throw new Malformed("No content to map due to end-of-input: expected a JSON body");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at [line:" + at.getLineNr() + ", column:" + at.getColumnNr() + "]";
            throw new Malformed(e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw new Malformed("Cannot read the body: " + e.getMessage());
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON answer", e);
        }
    }
}
