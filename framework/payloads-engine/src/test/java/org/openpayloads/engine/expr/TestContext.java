package org.openpayloads.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** A payload as a JSON text, read with Jayway as the engine does, at a fixed time in Europe/Paris. */
record TestContext(DocumentContext document, Clock clock, ZoneId zone) implements EvaluationContext {

    static final Instant NOW = Instant.parse("2026-11-25T23:30:45.678Z");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider()).mappingProvider(new JacksonMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS).build();

    static TestContext payload(String json) {
        try {
            JsonNode node = new ObjectMapper().readTree(json);
            return new TestContext(JsonPath.using(JACKSON).parse(node), Clock.fixed(NOW, PARIS), PARIS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestContext empty() {
        return payload("{}");
    }

    @Override
    public @Nullable Object read(String path) {
        return document.read(path);
    }

    /** Compiles and evaluates {@code source} over this payload. */
    @Nullable Object eval(String source) {
        return Expressions.compile(source).evaluate(this);
    }
}
