package org.openpayloads.engine.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.connector.ResourcePaths;
import org.openpayloads.engine.model.Expansion;
import org.openpayloads.engine.model.Payload;
import org.openpayloads.engine.port.ExternalApis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a payload's {@link Expansion}s to a parsed body: each id at an expansion's path (a path of names
 * only, see {@link org.openpayloads.engine.config.ElementPaths#namesOnlyProblem}) is replaced by the resource it
 * names. The body given is never changed; a copy is. Thread-safe.
 */
public final class Expander {

    private static final Logger LOG = LoggerFactory.getLogger(Expander.class);

    private final ExternalApis apis;

    public Expander(ExternalApis apis) {
        this.apis = Objects.requireNonNull(apis, "apis");
    }

    /**
     * The body with each expansion applied in order. A value that is missing, null or already an object is left
     * as it is; a text or number is the id read.
     *
     * @throws MappingException when a value is of another kind, or the API refused the read of a required
     *     expansion
     * @throws ConfigException when the credential of a required expansion cannot make the call
     * @throws org.openpayloads.api.RetriableException when the API is unavailable
     */
    public JsonNode expand(String integration, Payload payload, JsonNode body) {
        if (payload.expansions().isEmpty() || !body.isObject()) {
            return body;
        }
        JsonNode copy = null;
        for (Expansion expansion : payload.expansions()) {
            JsonNode current = copy == null ? body : copy;
            List<String> names = names(expansion.path());
            JsonNode parent = current;
            for (String name : names.subList(0, names.size() - 1)) {
                parent = parent.path(name);
            }
            String last = names.get(names.size() - 1);
            JsonNode value = parent.path(last);
            if (!parent.isObject() || value.isMissingNode() || value.isNull() || value.isObject()) {
                continue;
            }
            if (!value.isTextual() && !value.isNumber()) {
                throw new MappingException("expansion of " + expansion.path() + ": the value is "
                        + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + "; expected an id, or the "
                        + "object already expanded");
            }
            String path;
            try {
                path = ResourcePaths.fill(expansion.resource(), value.asText());
            } catch (IllegalArgumentException e) {
                if (expansion.optional()) {
                    continue; // an id no resource can have, such as "..": kept, as a refusal would be
                }
                throw new MappingException("expansion of " + expansion.path() + ": " + e.getMessage());
            }
            JsonNode resource;
            try {
                resource = apis.get(integration, expansion.credential(), path);
            } catch (MappingException | ConfigException e) {
                if (!expansion.optional()) {
                    throw e;
                }
                LOG.debug("Optional expansion of {} in {}/{} kept the id: {}", expansion.path(), integration,
                        payload.apiName(), e.getMessage());
                continue;
            }
            if (copy == null) {
                copy = body.deepCopy();
            }
            ObjectNode target = (ObjectNode) at(copy, names.subList(0, names.size() - 1));
            target.set(last, resource);
        }
        return copy == null ? body : copy;
    }

    private static JsonNode at(JsonNode root, List<String> names) {
        JsonNode node = root;
        for (String name : names) {
            node = node.path(name);
        }
        return node;
    }

    private static List<String> names(String path) {
        List<String> names = new ArrayList<>();
        for (String name : path.substring(2).split("\\.")) {
            names.add(name);
        }
        return names;
    }
}
