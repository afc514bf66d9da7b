package org.openpayloads.store.entity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.openpayloads.engine.model.Expansion;

/**
 * Small lists and maps stored as JSON text in one column: they are always read and written whole, so a
 * child table would only add joins.
 */
public final class JsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<Expansion>> EXPANSIONS = new TypeReference<>() { };

    private JsonColumns() {
    }

    /** A list of strings, as a JSON array; empty for null. */
    @Converter
    public static final class StringList implements AttributeConverter<List<String>, String> {

        @Override
        public String convertToDatabaseColumn(@Nullable List<String> list) {
            return write(list == null ? List.of() : list);
        }

        @Override
        public List<String> convertToEntityAttribute(@Nullable String json) {
            return json == null || json.isBlank() ? List.of() : List.copyOf(read(json, LIST));
        }
    }

    /** A map of strings, as a JSON object with sorted keys, so that equal maps give equal text. */
    @Converter
    public static final class StringMap implements AttributeConverter<Map<String, String>, String> {

        @Override
        public String convertToDatabaseColumn(@Nullable Map<String, String> map) {
            return write(map == null ? Map.of() : new TreeMap<>(map));
        }

        @Override
        public Map<String, String> convertToEntityAttribute(@Nullable String json) {
            return json == null || json.isBlank() ? Map.of() : Map.copyOf(read(json, MAP));
        }
    }

    /** A payload's expansions, as a JSON array of objects with path, credential and resource. */
    @Converter
    public static final class Expansions implements AttributeConverter<List<Expansion>, String> {

        @Override
        public String convertToDatabaseColumn(@Nullable List<Expansion> list) {
            return write(list == null ? List.of() : list);
        }

        @Override
        public List<Expansion> convertToEntityAttribute(@Nullable String json) {
            return json == null || json.isBlank() ? List.of() : List.copyOf(read(json, EXPANSIONS));
        }
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored JSON column does not hold " + type.getType()
                    + ": " + e.getOriginalMessage(), e);
        }
    }
}
