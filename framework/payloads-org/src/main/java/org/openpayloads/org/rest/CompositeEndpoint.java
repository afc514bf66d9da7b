package org.openpayloads.org.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openpayloads.org.data.RecordJson;
import org.openpayloads.org.db.SharedTransaction;
import org.openpayloads.org.db.Transactions;
import org.openpayloads.org.db.TxRunner;

/**
 * {@code /composite}: up to 25 sub-requests in order, each able to use an earlier one's answer through
 * {@code @{referenceId.path}}. With allOrNone they share one transaction: the first failure rolls all back.
 */
final class CompositeEndpoint {

    static final int MAX_SUBREQUESTS = 25;
    private static final Pattern REFERENCE = Pattern.compile("@\\{([A-Za-z0-9_]+)\\.([^}]+)}");
    private static final Pattern PATH_PART = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");
    private static final Pattern SUB_URL = Pattern.compile("/services/data/(v\\d+\\.\\d)(/[^?]*)?(?:\\?(.*))?");
    private static final String HALTED = "The transaction was rolled back since another operation in the same "
            + "transaction failed.";

    private final DataRouter router;
    private final OrgServices org;

    CompositeEndpoint(DataRouter router, OrgServices org) {
        this.router = router;
        this.org = org;
    }

    Reply handle(Call call) {
        if (!call.method().equals("POST")) {
            return Reply.methodNotAllowed(call.method(), "POST");
        }
        JsonNode body;
        try {
            body = Json.parse(call.request().body());
        } catch (Json.Malformed e) {
            return Reply.malformed(e.getMessage());
        }
        JsonNode requests = body.path("compositeRequest");
        if (!requests.isArray() || requests.isEmpty()) {
            return Reply.malformed("Expected a compositeRequest array with at least one sub-request");
        }
        if (requests.size() > MAX_SUBREQUESTS) {
            return Reply.error(400, "INVALID_INPUT", "The composite request has " + requests.size()
                    + " subrequests; at most " + MAX_SUBREQUESTS + " are allowed");
        }
        boolean allOrNone = body.path("allOrNone").asBoolean(false);
        List<ObjectNode> responses = allOrNone ? runShared(call, requests) : run(call, requests, call.tx(), false);
        ObjectNode root = RecordJson.NODES.objectNode();
        ArrayNode array = root.putArray("compositeResponse");
        responses.forEach(array::add);
        return Reply.json(200, root);
    }

    private List<ObjectNode> runShared(Call call, JsonNode requests) {
        try (SharedTransaction shared = org.tx().share()) {
            List<ObjectNode> responses = run(call, requests, shared, true);
            boolean failed = responses.stream().anyMatch(r -> r.path("httpStatusCode").asInt() >= 400);
            if (!failed) {
                shared.commit();
                return responses;
            }
            // Everything but the failure itself is reported as halted: none of it was kept.
            boolean seen = false;
            for (int i = 0; i < responses.size(); i++) {
                if (!seen && responses.get(i).path("httpStatusCode").asInt() >= 400) {
                    seen = true;
                } else {
                    responses.set(i, halted(responses.get(i).path("referenceId").asText(), HALTED));
                }
            }
            return responses;
        } catch (RuntimeException e) {
            if (Transactions.isConflict(e)) {
                List<ObjectNode> halted = new ArrayList<>();
                requests.forEach(r -> halted.add(halted(r.path("referenceId").asText(), HALTED)));
                return halted;
            }
            throw e;
        }
    }

    private List<ObjectNode> run(Call call, JsonNode requests, TxRunner tx, boolean stopOnFailure) {
        Map<String, JsonNode> answered = new HashMap<>();
        List<ObjectNode> responses = new ArrayList<>();
        boolean stopped = false;
        for (JsonNode request : requests) {
            String referenceId = request.path("referenceId").asText("");
            if (stopped) {
                responses.add(halted(referenceId, HALTED));
                continue;
            }
            ObjectNode response = runOne(call, request, referenceId, answered, tx);
            responses.add(response);
            if (response.path("httpStatusCode").asInt() < 400) {
                answered.put(referenceId, response.path("body"));
            } else if (stopOnFailure) {
                stopped = true;
            }
        }
        return responses;
    }

    private ObjectNode runOne(Call call, JsonNode request, String referenceId, Map<String, JsonNode> answered,
                              TxRunner tx) {
        String method = request.path("method").asText("");
        Optional<String> url;
        JsonNode body;
        try {
            url = Optional.of(substitute(request.path("url").asText(""), answered, referenceId));
            body = request.has("body") ? substituteTree(request.get("body"), answered, referenceId) : null;
        } catch (IllegalArgumentException e) {
            return halted(referenceId, e.getMessage());
        }
        Matcher m = SUB_URL.matcher(url.get());
        if (method.isEmpty() || referenceId.isEmpty() || !m.matches()) {
            return response(referenceId, Reply.error(400, "INVALID_INPUT", "Each subrequest needs a method, a "
                    + "referenceId and a url starting with /services/data/vXX.X; got method '" + method + "', url '"
                    + request.path("url").asText("") + "'"));
        }
        byte[] bytes = body == null ? new byte[0] : Json.bytes(body);
        RestRequest sub = call.request().sub(method, "/services/data/" + m.group(1) + (m.group(2) == null ? ""
                : m.group(2)), m.group(3) == null ? null : m.group(3).replace(" ", "%20"), bytes);
        List<String> path = sub.segments().subList(3, sub.segments().size());
        if (!path.isEmpty() && path.get(0).equals("composite") && path.size() == 1) {
            return response(referenceId, Reply.error(400, "INVALID_INPUT", "A composite request cannot contain "
                    + "another composite request"));
        }
        return response(referenceId, router.dispatch(new Call(sub, path, m.group(1), call.userId(), tx,
                call.schema())));
    }

    private static ObjectNode response(String referenceId, Reply reply) {
        ObjectNode node = RecordJson.NODES.objectNode();
        node.set("body", reply.body() == null ? RecordJson.NODES.nullNode() : reply.body());
        ObjectNode headers = node.putObject("httpHeaders");
        reply.headers().forEach(headers::put);
        node.put("httpStatusCode", reply.status());
        node.put("referenceId", referenceId);
        return node;
    }

    private static ObjectNode halted(String referenceId, String message) {
        ObjectNode node = RecordJson.NODES.objectNode();
        ArrayNode body = node.putArray("body");
        body.addObject().put("errorCode", "PROCESSING_HALTED").put("message", message);
        node.putObject("httpHeaders");
        node.put("httpStatusCode", 400);
        node.put("referenceId", referenceId);
        return node;
    }

    /** Replaces each {@code @{ref.path}} in a text with the value at that path of an earlier answer. */
    static String substitute(String text, Map<String, JsonNode> answered, String referenceId) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(resolve(m.group(1), m.group(2), answered, referenceId)
                    .asText()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static JsonNode substituteTree(JsonNode node, Map<String, JsonNode> answered, String referenceId) {
        if (node.isTextual()) {
            Matcher whole = REFERENCE.matcher(node.textValue());
            if (whole.matches()) {
                return resolve(whole.group(1), whole.group(2), answered, referenceId);
            }
            return TextNode.valueOf(substitute(node.textValue(), answered, referenceId));
        }
        if (node.isObject()) {
            ObjectNode copy = RecordJson.NODES.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), substituteTree(e.getValue(), answered,
                    referenceId)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = RecordJson.NODES.arrayNode();
            node.forEach(item -> copy.add(substituteTree(item, answered, referenceId)));
            return copy;
        }
        return node;
    }

    private static JsonNode resolve(String ref, String path, Map<String, JsonNode> answered, String referenceId) {
        JsonNode node = answered.get(ref);
        Matcher part = PATH_PART.matcher(path);
        while (node != null && part.find()) {
            node = part.group(1) != null ? node.get(part.group(1)) : node.get(Integer.parseInt(part.group(2)));
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new IllegalArgumentException("Invalid reference specified. No value for " + ref + "." + path
                    + " found in " + ref + ". Provided referenceId ('" + ref + "') must be of a previous "
                    + "subrequest that succeeded (in " + referenceId + ")");
        }
        return node;
    }
}
