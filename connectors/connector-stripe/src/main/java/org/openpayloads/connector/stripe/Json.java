package org.openpayloads.connector.stripe;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.Optional;

/** JSON out of the API. */
final class Json {

    /** Decimals as BigDecimal: Stripe sends amounts as integers, but fees and rates can be decimals. */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Json() {
    }

    /** The parsed body; empty when it is empty or not JSON. */
    static Optional<JsonNode> parse(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The parsed body; a missing node when it is empty or not JSON, so that callers need not guard. */
    static JsonNode tree(byte[] body) {
        return parse(body).orElse(MissingNode.getInstance());
    }
}
