package org.openpayloads.web.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openpayloads.api.ConfigException;
import org.openpayloads.engine.config.ConfigurationService;
import org.openpayloads.web.dto.CredentialDto;
import org.openpayloads.web.dto.InputMapper;
import org.openpayloads.web.dto.IntegrationDto;
import org.openpayloads.web.dto.PayloadDto;

/**
 * Imports a bundle: one JSON document with an integration, its credentials and payloads (each in the admin
 * API's form), and the custom objects and fields they need in the org.
 *
 * <pre>{"bundle": "openpayloads-bundle/1",
 *  "org": {"objects": [...], "fields": {"Account": [...]}},
 *  "integration": {...}, "credentials": [...], "payloads": [...]}</pre>
 *
 * <p>Any string may hold {@code ${NAME}} or {@code ${NAME:-default}}, filled from the variables the caller
 * gives (such as the environment), so that secrets stay out of the bundle; a secret left empty is not set.
 * Each part goes through the same checks as the admin API. The import stops at the first part refused, and deletes the integration it made.
 */
public final class BundleImporter {

    public static final String FORMAT = "openpayloads-bundle/1";
    private static final Set<String> PROPERTIES = Set.of("bundle", "description", "org", "integration",
            "credentials", "payloads");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    /** Where the bundle's {@code org} section goes: the org's schema, which the engine does not see. */
    @FunctionalInterface
    public interface OrgSchema {
        /** Creates the objects and fields the section declares that are missing; returns what it created. */
        List<String> ensure(JsonNode section);
    }

    /** What an import made. */
    public record Imported(String integration, List<String> orgChanges, List<String> credentials,
                           List<String> payloads) {
    }

    private final ConfigurationService config;
    private final ObjectMapper json;
    private final OrgSchema org;

    public BundleImporter(ConfigurationService config, ObjectMapper json, OrgSchema org) {
        this.config = Objects.requireNonNull(config, "config");
        this.json = Objects.requireNonNull(json, "json");
        this.org = Objects.requireNonNull(org, "org");
    }

    /** The integration a bundle holds, without importing it. */
    public static String integrationName(JsonNode bundle) {
        JsonNode name = bundle.path("integration").path("apiName");
        if (!name.isTextual()) {
            throw new ConfigException("integration.apiName", "is missing; expected the integration's API name");
        }
        return name.textValue();
    }

    /**
     * Imports {@code bundle} as {@code actor}.
     *
     * @param variables a variable's value by name, or null when it is not set
     * @throws ConfigException naming the bundle's field at fault, or a part the admin API would refuse
     */
    public Imported importBundle(JsonNode bundle, Function<String, String> variables, String actor) {
        if (!bundle.isObject()) {
            throw new ConfigException("bundle", "is not a JSON object; expected a bundle document");
        }
        Set<String> unknown = new TreeSet<>();
        bundle.fieldNames().forEachRemaining(name -> {
            if (!PROPERTIES.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ConfigException(unknown.iterator().next(), "is not a bundle property; expected one of "
                    + new TreeSet<>(PROPERTIES));
        }
        if (!FORMAT.equals(bundle.path("bundle").asText(null))) {
            throw new ConfigException("bundle", "is '" + bundle.path("bundle").asText("") + "'; expected '"
                    + FORMAT + "'");
        }
        JsonNode filled = fill(bundle, "", variables);
        IntegrationDto integration = read(filled.path("integration"), "integration", IntegrationDto.class);
        List<CredentialDto> credentials = readList(filled, "credentials", CredentialDto.class);
        List<PayloadDto> payloads = readList(filled, "payloads", PayloadDto.class);

        List<String> orgChanges = filled.has("org") ? org.ensure(filled.get("org")) : List.of();
        String name = config.createIntegration(InputMapper.integration(integration), actor).apiName();
        try {
            List<String> credentialNames = new ArrayList<>();
            for (CredentialDto credential : credentials) {
                credentialNames.add(config.createCredential(name, InputMapper.credential(withoutEmptySecrets(
                        credential)), actor).apiName());
            }
            List<String> payloadNames = new ArrayList<>();
            for (PayloadDto payload : payloads) {
                payloadNames.add(config.createPayload(name, InputMapper.payload(payload), actor).apiName());
            }
            return new Imported(name, orgChanges, credentialNames, payloadNames);
        } catch (RuntimeException e) {
            try {
                config.deleteIntegration(name, actor);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private <T> T read(JsonNode node, String field, Class<T> type) {
        if (!node.isObject()) {
            throw new ConfigException(field, "is missing or not an object; expected it as the admin API takes it");
        }
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new ConfigException(field + path(e), e.getOriginalMessage());
        }
    }

    private <T> List<T> readList(JsonNode bundle, String field, Class<T> type) {
        JsonNode list = bundle.path(field);
        if (list.isMissingNode()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new ConfigException(field, "is not an array; expected a list of " + field);
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            items.add(read(list.get(i), field + "[" + i + "]", type));
        }
        return items;
    }

    private static String path(JsonProcessingException e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (var reference : mapping.getPath()) {
            path.append(reference.getFieldName() != null ? "." + reference.getFieldName()
                    : "[" + reference.getIndex() + "]");
        }
        return path.toString();
    }

    /** The credential without the secrets that are empty, such as {@code ${STRIPE_API_KEY:-}} when it is not set. */
    private static CredentialDto withoutEmptySecrets(CredentialDto credential) {
        if (credential.secrets() == null || credential.secrets().values().stream().noneMatch(""::equals)) {
            return credential;
        }
        Map<String, @Nullable String> secrets = new LinkedHashMap<>(credential.secrets());
        secrets.values().removeIf(""::equals);
        return credential.withSecrets(credential.apiName(), secrets);
    }

    /** A copy of {@code node} with every {@code ${NAME}} and {@code ${NAME:-default}} filled in. */
    static JsonNode fill(JsonNode node, String field, Function<String, String> variables) {
        if (node.isTextual()) {
            return new TextNode(fill(node.textValue(), field, variables));
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            for (int i = 0; i < node.size(); i++) {
                copy.add(fill(node.get(i), field + "[" + i + "]", variables));
            }
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                copy.set(member.getKey(), fill(member.getValue(), field.isEmpty() ? member.getKey()
                        : field + "." + member.getKey(), variables));
            }
            return copy;
        }
        return node;
    }

    private static String fill(String text, String field, Function<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = Optional.ofNullable(variables.apply(matcher.group(1))).filter(v -> !v.isEmpty())
                    .orElse(matcher.group(2));
            if (value == null) {
                throw new ConfigException(field, "uses ${" + matcher.group(1) + "}, which is not set; set it, or "
                        + "give a default as ${" + matcher.group(1) + ":-value}");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
