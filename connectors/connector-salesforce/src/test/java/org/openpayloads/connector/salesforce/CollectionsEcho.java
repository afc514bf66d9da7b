package org.openpayloads.connector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Answers an sObject Collections request with one result per record, in order, derived from the
 * record: id {@code id-<Name>}; a record named {@code fail...} fails with REQUIRED_FIELD_MISSING. Lets a
 * test check that each caller got its own record's result, whatever the batches were.
 */
final class CollectionsEcho implements ResponseDefinitionTransformerV2 {

    static final String NAME = "collections-echo";

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        ArrayNode results = Json.MAPPER.createArrayNode();
        for (JsonNode record : Json.tree(event.getRequest().getBody()).path("records")) {
            String name = record.path("Name").asText();
            ObjectNode result = results.addObject();
            if (name.startsWith("fail")) {
                result.put("success", false).putArray("errors").addObject()
                        .put("statusCode", "REQUIRED_FIELD_MISSING")
                        .put("message", "Required fields are missing: [LastName]")
                        .putArray("fields").add("LastName");
            } else {
                result.put("id", "id-" + name).put("success", true).putArray("errors");
                result.put("created", true);
            }
        }
        return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(results.toString()).build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
