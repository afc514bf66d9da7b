package org.openpayloads.org.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.openpayloads.org.data.RecordJson;
import org.openpayloads.org.query.QueryException;
import org.openpayloads.org.query.QueryService;
import org.openpayloads.org.schema.ObjectDefinition;

/**
 * Dispatches an authenticated call under {@code /services/data/vXX.X}: the top-level resources, sObjects,
 * collections, composite and queries. Composite sub-requests come back through here.
 */
final class DataRouter {

    private final OrgServices org;
    private final SObjectEndpoints sobjects;
    private final CollectionsEndpoint collections;
    private final CompositeEndpoint composite;

    DataRouter(OrgServices org) {
        this.org = org;
        this.sobjects = new SObjectEndpoints(org);
        this.collections = new CollectionsEndpoint(org);
        this.composite = new CompositeEndpoint(this, org);
    }

    Reply dispatch(Call call) {
        List<String> path = call.path();
        if (path.isEmpty()) {
            return call.method().equals("GET") ? Reply.json(200, resources(call.version()))
                    : Reply.methodNotAllowed(call.method(), "GET");
        }
        return switch (path.get(0)) {
            case "sobjects" -> sobjects.handle(call);
            case "composite" -> path.size() >= 2 && path.get(1).equals("sobjects") ? collections.handle(call)
                    : path.size() == 1 ? composite.handle(call) : Reply.notFound();
            case "query", "queryAll" -> query(call);
            case "limits" -> limits(call);
            default -> Reply.notFound();
        };
    }

    private Reply query(Call call) {
        if (!call.method().equals("GET")) {
            return Reply.methodNotAllowed(call.method(), "GET");
        }
        try {
            if (call.path().size() == 2) {
                return Reply.json(200, org.queries().next(call.path().get(1), call.version()));
            }
            if (call.path().size() > 2) {
                return Reply.notFound();
            }
            Optional<String> soql = call.request().parameter("q");
            if (soql.isEmpty() || soql.get().isBlank()) {
                return Reply.error(400, "MALFORMED_QUERY", "A query string has to be specified");
            }
            return Reply.json(200, org.queries().query(soql.get(), call.schema(), call.tx(), call.version(),
                    batchSize(call)));
        } catch (QueryException e) {
            int status = e.errorCode().equals("NOT_IMPLEMENTED") ? 501 : 400;
            return Reply.error(status, e.errorCode(), e.getMessage());
        }
    }

    /** {@code Sforce-Query-Options: batchSize=500}. */
    private static int batchSize(Call call) {
        String options = call.request().header("Sforce-Query-Options").orElse("");
        for (String option : options.split(",")) {
            String[] pair = option.trim().split("=");
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("batchSize")) {
                try {
                    return Integer.parseInt(pair[1].trim());
                } catch (NumberFormatException e) {
                    return QueryService.DEFAULT_BATCH;
                }
            }
        }
        return QueryService.DEFAULT_BATCH;
    }

    private Reply limits(Call call) {
        if (!call.method().equals("GET")) {
            return Reply.methodNotAllowed(call.method(), "GET");
        }
        if (call.path().size() == 2 && call.path().get(1).equals("recordCount")) {
            return recordCount(call);
        }
        if (call.path().size() != 1) {
            return Reply.notFound();
        }
        ObjectNode root = RecordJson.NODES.objectNode();
        long max = org.usage().limit();
        root.putObject("DailyApiRequests").put("Max", max).put("Remaining", Math.max(0, max - org.usage().used()));
        return Reply.json(200, root);
    }

    private Reply recordCount(Call call) {
        List<String> names = call.request().parameter("sObjects").map(v -> List.of(v.split(",")))
                .orElse(call.schema().objects().stream().map(ObjectDefinition::name).toList());
        ObjectNode root = RecordJson.NODES.objectNode();
        var array = root.putArray("sObjects");
        call.tx().read(session -> {
            for (String name : names) {
                call.schema().object(name.trim()).ifPresent(object -> array.addObject()
                        .put("count", org.records().count(session, object.name())).put("name", object.name()));
            }
            return null;
        });
        return Reply.json(200, root);
    }

    private static ObjectNode resources(String version) {
        ObjectNode root = RecordJson.NODES.objectNode();
        String base = "/services/data/" + version;
        for (String resource : List.of("sobjects", "query", "queryAll", "composite", "limits")) {
            root.put(resource, base + "/" + resource);
        }
        return root;
    }
}
