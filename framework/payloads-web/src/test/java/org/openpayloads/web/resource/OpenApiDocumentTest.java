package org.openpayloads.web.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.glassfish.jersey.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.Test;
import org.openpayloads.web.WebApplication;

/**
 * The hand-written OpenAPI description stays true: it describes every Jersey resource method and nothing
 * else, its request bodies take what the methods consume, its references resolve, and docs/openapi.json is
 * the same file.
 */
class OpenApiDocumentTest {

    private static final String FIX = " — describe it in src/main/resources" + OpenApiDocument.RESOURCE
            + ", then copy that file to docs/openapi.json";
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head",
            "options", "trace");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*(\\w+)\\s*(?::[^}]*)?}");
    private static final Path DOCS_COPY = Path.of(System.getProperty("basedir", ".")).resolve("../../docs/openapi.json");

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonNode document = read(OpenApiDocument.load().json());

    /** A Jersey resource method as "METHOD /path", with the media types it consumes. */
    record Operation(String key, List<String> consumes) {
    }

    @Test
    void describesEveryResourceMethod() {
        Set<String> missing = new TreeSet<>(jerseyOperations().keySet());
        missing.removeAll(documentedOperations(document));

        assertThat(missing).as("resource methods missing from the OpenAPI description" + FIX).isEmpty();
    }

    @Test
    void describesNoOperationThatDoesNotExist() {
        Set<String> extra = new TreeSet<>(documentedOperations(document));
        extra.removeAll(jerseyOperations().keySet());

        assertThat(extra).as("operations in the OpenAPI description that no resource method has").isEmpty();
    }

    @Test
    void theCoverageCheckFailsWhenAnOperationIsLeftOut() {
        ObjectNode trimmed = document.deepCopy();
        ((ObjectNode) trimmed.get("paths").get("/api/v1/integrations/{integration}")).remove("patch");

        Set<String> missing = new TreeSet<>(jerseyOperations().keySet());
        missing.removeAll(documentedOperations(trimmed));

        assertThat(missing).containsExactly("PATCH /api/v1/integrations/{integration}");
    }

    @Test
    void theDocsCopyIsTheSameAsTheResource() throws IOException {
        assertThat(DOCS_COPY).as("docs/openapi.json").exists();
        String resource = new String(OpenApiDocument.load().json(), StandardCharsets.UTF_8);

        assertThat(Files.readString(DOCS_COPY))
                .as("docs/openapi.json differs from src/main/resources%s; copy the resource over it",
                        OpenApiDocument.RESOURCE)
                .isEqualTo(resource);
    }

    @Test
    void requestBodiesTakeWhatTheResourceMethodsConsume() {
        Map<String, Set<String>> mismatches = new TreeMap<>();
        jerseyOperations().forEach((key, consumes) -> {
            Set<String> documented = new TreeSet<>();
            operation(key).path("requestBody").path("content").fieldNames().forEachRemaining(documented::add);
            if (!documented.equals(new TreeSet<>(consumes))) {
                mismatches.put(key, documented);
            }
        });

        assertThat(mismatches).as("operations whose requestBody content differs from @Consumes").isEmpty();
    }

    @Test
    void isOpenApi31WithABearerScheme() {
        assertThat(document.path("openapi").asText()).startsWith("3.1.");
        assertThat(document.at("/info/title").asText()).isNotBlank();
        assertThat(document.at("/info/version").asText()).isNotBlank();
        assertThat(document.at("/components/securitySchemes/bearerAuth/type").asText()).isEqualTo("http");
        assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/security/0/bearerAuth").isArray()).isTrue();
        assertThat(document.at("/components/schemas/Error/properties/error/properties/fields/type").asText())
                .isEqualTo("array");
    }

    @Test
    void onlyTheDescriptionHealthAndInboundEndpointsArePublic() {
        List<String> publicOperations = new ArrayList<>();
        forEachOperation(document, (key, operation) -> {
            if (operation.has("security") && operation.get("security").isEmpty()) {
                publicOperations.add(key);
            }
        });

        assertThat(publicOperations).containsExactlyInAnyOrder("GET /api/v1/openapi.json", "GET /health",
                "POST /in/{integration}/{payload}");
    }

    @Test
    void everyReferenceResolves() {
        List<String> broken = new ArrayList<>();
        collectRefs(document, broken);

        assertThat(broken).as("$refs that point nowhere").isEmpty();
    }

    @Test
    void everyPathParameterIsDeclaredAndRequired() {
        List<String> problems = new ArrayList<>();
        document.get("paths").properties().forEach(path -> {
            Set<String> inTemplate = new TreeSet<>();
            Matcher matcher = TEMPLATE.matcher(path.getKey());
            while (matcher.find()) {
                inTemplate.add(matcher.group(1));
            }
            List<JsonNode> declared = new ArrayList<>();
            path.getValue().path("parameters").forEach(p -> declared.add(resolve(p)));
            Set<String> declaredNames = declared.stream().filter(p -> "path".equals(p.path("in").asText()))
                    .peek(p -> {
                        if (!p.path("required").asBoolean()) {
                            problems.add(path.getKey() + ": " + p.path("name").asText() + " is not required");
                        }
                    })
                    .map(p -> p.path("name").asText()).collect(Collectors.toCollection(TreeSet::new));
            if (!declaredNames.equals(inTemplate)) {
                problems.add(path.getKey() + ": declares " + declaredNames + ", template has " + inTemplate);
            }
        });

        assertThat(problems).isEmpty();
    }

    @Test
    void everyOperationHasAUniqueIdAndDescribedResponses() {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        forEachOperation(document, (key, operation) -> {
            if (!ids.add(operation.path("operationId").asText())) {
                problems.add(key + ": operationId is missing or used twice");
            }
            if (operation.path("responses").isEmpty()) {
                problems.add(key + ": no responses");
            }
            operation.path("responses").properties().forEach(response -> {
                if (!resolve(response.getValue()).has("description")) {
                    problems.add(key + " " + response.getKey() + ": no description");
                }
            });
            if (key.startsWith("POST") && operation.at("/responses/201").isObject()
                    && !operation.at("/responses/201/headers/Location").isObject()) {
                problems.add(key + ": a 201 without Location");
            }
        });

        assertThat(problems).isEmpty();
    }

    /** Every resource method of every registered resource class, as "METHOD /path" → consumed media types. */
    static Map<String, List<String>> jerseyOperations() {
        Map<String, List<String>> operations = new TreeMap<>();
        for (Class<?> type : WebApplication.resourceClasses()) {
            collect("", Resource.from(type), operations);
        }
        return operations;
    }

    private static void collect(String prefix, Resource resource, Map<String, List<String>> operations) {
        String path = join(prefix, resource.getPath());
        assertThat(resource.getResourceLocator()).as("sub-resource locator at %s cannot be checked; use methods", path)
                .isNull();
        for (ResourceMethod method : resource.getResourceMethods()) {
            // A method without a body consumes */* by default; one that reads a body of any type says so.
            boolean readsBody = method.getInvocable().getParameters().stream()
                    .anyMatch(parameter -> parameter.getSource() == Parameter.Source.ENTITY);
            List<String> consumes = method.getConsumedTypes().stream()
                    .filter(type -> readsBody || !type.isWildcardType()).map(MediaType::toString).toList();
            operations.put(method.getHttpMethod() + " " + path, consumes);
        }
        resource.getChildResources().forEach(child -> collect(path, child, operations));
    }

    private static String join(String prefix, String path) {
        String joined = (prefix + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
        joined = TEMPLATE.matcher(joined).replaceAll("{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Set<String> documentedOperations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        forEachOperation(document, (key, operation) -> operations.add(key));
        return operations;
    }

    private static void forEachOperation(JsonNode document, java.util.function.BiConsumer<String, JsonNode> action) {
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(member -> {
            if (HTTP_METHODS.contains(member.getKey())) {
                action.accept(member.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), member.getValue());
            }
        }));
    }

    private JsonNode operation(String key) {
        String[] parts = key.split(" ", 2);
        return document.path("paths").path(parts[1]).path(parts[0].toLowerCase(java.util.Locale.ROOT));
    }

    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }

    private void collectRefs(JsonNode node, List<String> broken) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && (!ref.asText().startsWith("#/") || document.at(ref.asText().substring(1)).isMissingNode())) {
                broken.add(ref.asText());
            }
            node.elements().forEachRemaining(child -> collectRefs(child, broken));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, broken));
        }
    }

    private JsonNode read(byte[] json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("the OpenAPI description is not valid JSON", e);
        }
    }
}
