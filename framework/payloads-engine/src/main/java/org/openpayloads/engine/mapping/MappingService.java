package org.openpayloads.engine.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.FieldError;
import org.openpayloads.api.MappingException;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.engine.model.ContentType;
import org.openpayloads.engine.model.Element;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.parse.BodyParser;
import org.openpayloads.engine.parse.SampleElements;
import org.openpayloads.engine.port.ExternalApis;
import org.openpayloads.engine.port.RecordClients;

/**
 * The mapping engine as the admin API and the inbound pipeline use it: by integration and payload name, from the
 * raw body. Thread-safe.
 */
public final class MappingService {

    private final ConfigurationService configuration;
    private final BodyParser parser;
    private final MappingCompiler compiler;
    private final MappingEngine engine;
    private final RecordClients clients;
    private final Expander expander;

    /** A service whose payloads expand nothing: no API is read. */
    public MappingService(ConfigurationService configuration, BodyParser parser, MappingCompiler compiler,
                          MappingEngine engine, RecordClients clients) {
        this(configuration, parser, compiler, engine, clients, ExternalApis.NONE);
    }

    /** @param apis what {@link org.openpayloads.engine.model.Expansion}s read */
    public MappingService(ConfigurationService configuration, BodyParser parser, MappingCompiler compiler,
                          MappingEngine engine, RecordClients clients, ExternalApis apis) {
        this.expander = new Expander(apis);
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    /**
     * What a real run would do with {@code sample}; writes nothing. The payload's expansions do read their API.
     *
     * @param contentType the sample's Content-Type; null for the payload's own
     * @throws ConfigException when the sample cannot be parsed (field {@code body}) or its content type is unknown
     *     (field {@code contentType}), or the payload's mapping does not compile
     */
    public MappingResult preview(String integration, String payload, byte[] sample, @Nullable String contentType) {
        Payload config = configuration.payload(integration, payload);
        JsonNode body = expander.expand(integration, config, parseSample(config, sample, contentType));
        return engine.preview(compiler.plan(integration, config), body, clients.forIntegration(integration));
    }

    /**
     * Runs the payload's targets over a received body.
     *
     * @param contentType the request's Content-Type; null or blank for the payload's own
     * @throws MappingException when the body cannot be parsed, or its content type is not one a payload takes
     */
    public MappingResult run(String integration, String payload, byte[] body, @Nullable String contentType) {
        return run(integration, configuration.payload(integration, payload), body, contentType);
    }

    /**
     * Runs {@code config}'s targets over a received body; for callers that hold the payload's configuration
     * already.
     *
     * @throws MappingException when the body cannot be parsed, or its content type is not one a payload takes
     */
    public MappingResult run(String integration, Payload config, byte[] body, @Nullable String contentType) {
        ContentType type = contentType == null || contentType.isBlank() ? config.contentType()
                : ContentType.ofHeader(contentType).orElseThrow(() -> new MappingException("content type '"
                        + contentType + "' is not one a payload takes; expected application/json, "
                        + "application/x-www-form-urlencoded, application/xml or text/plain"));
        JsonNode tree = expander.expand(integration, config, parser.parse(type, body, contentType));
        return engine.run(compiler.plan(integration, config), tree, clients.forIntegration(integration));
    }

    /**
     * The element tree of {@code sample}: its paths, their types, and which repeat. With {@code apply}, the
     * payload's elements are replaced by it.
     */
    public List<Element> elementsFromSample(String integration, String payload, byte[] sample,
                                            @Nullable String contentType, boolean apply, String actor) {
        Payload config = configuration.payload(integration, payload);
        List<Element> elements = SampleElements.from(parseSample(config, sample, contentType));
        return apply ? configuration.replaceElements(integration, payload, elements, actor) : elements;
    }

    private JsonNode parseSample(Payload payload, byte[] sample, @Nullable String contentType) {
        ContentType type = payload.contentType();
        if (contentType != null && !contentType.isBlank()) {
            type = ContentType.ofHeader(contentType).orElseThrow(() -> new ConfigException(List.of(new FieldError(
                    "contentType", "'" + contentType + "' is not a content type a payload takes; expected "
                    + "application/json, application/x-www-form-urlencoded, application/xml or text/plain"))));
        }
        try {
            return parser.parse(type, sample, contentType);
        } catch (MappingException e) {
            throw new ConfigException(List.of(new FieldError("body", e.getMessage())));
        }
    }
}
