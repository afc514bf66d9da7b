package org.openpayloads.web.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.openpayloads.web.error.ApiException;

/**
 * The admin API's JSON: one strictly configured mapper, shared by Jersey's provider and by the
 * resources that apply merge patches. Thread-safe.
 */
public final class ApiJson {

    private final ObjectMapper mapper;

    public ApiJson() {
        this.mapper = newMapper();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Applies a merge patch to the JSON of {@code current}, as GET shows it, and reads the result back as a
     * whole object, so that a PATCH is checked exactly like the PUT it amounts to.
     *
     * @throws JsonProcessingException when the patched JSON has an unknown property or a value of the wrong
     *     type; the exception mapper turns it into a 400 naming the field
     */
    public <T> T patch(Object current, JsonNode patch, Class<T> type) throws JsonProcessingException {
        if (!patch.isObject()) {
            throw ApiException.badRequest("A merge patch must be a JSON object; got " + describe(patch)
                    + ". Send the members to change, with null for those to remove");
        }
        JsonNode merged = MergePatch.apply(mapper.valueToTree(current), patch);
        return mapper.treeToValue(merged, type);
    }

    /**
     * The strict mapper: fails on unknown properties, on null for primitives and on trailing tokens; never
     * coerces one scalar type into another (so {@code "active":"true"} is an error, not {@code true}); writes
     * instants as ISO-8601 strings and leaves nulls out.
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .addModule(new JavaTimeModule())
                .withCoercionConfigDefaults(config -> {
                    for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.String,
                            CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean,
                            CoercionInputShape.EmptyString, CoercionInputShape.EmptyArray,
                            CoercionInputShape.EmptyObject}) {
                        config.setCoercion(shape, CoercionAction.Fail);
                    }
                })
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.NON_NULL))
                .build();
    }

    private static String describe(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return "null";
    }
}
