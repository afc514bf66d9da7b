package org.openpayloads.org.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Edits the JSON data column of a record when a field is deleted. */
final class RecordJsonColumn {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RecordJsonColumn() {
    }

    static String without(String data, String fieldName) {
        try {
            ObjectNode node = (ObjectNode) MAPPER.readTree(data);
            node.remove(fieldName);
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A record's data column is not a JSON object: " + e.getOriginalMessage(),
                    e);
        }
    }
}
