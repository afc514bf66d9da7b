package org.openpayloads.connector.stripe;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.Optional;

/** JSON out of the API. */
final class Json {

    /**
     * Decimals as BigDecimal with their scale kept: amounts are integers, but rates and decimal amounts
     * ({@code unit_amount_decimal}) are not, and 0.0250 should not come back as 0.025.
     */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

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
