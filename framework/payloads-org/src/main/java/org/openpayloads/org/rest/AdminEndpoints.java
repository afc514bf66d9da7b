package org.openpayloads.org.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.openpayloads.org.auth.ConnectedApps;
import org.openpayloads.org.auth.Users;
import org.openpayloads.org.data.RecordJson;
import org.openpayloads.org.schema.FieldSpec;
import org.openpayloads.org.schema.ObjectDefinition;
import org.openpayloads.org.schema.SchemaException;

/**
 * The org's admin API under {@code /api/v1/org}: objects and fields, connected apps, users and the daily API
 * limit. Errors take the admin API's form, {@code {"error":{"code","message","fields"}}}.
 */
final class AdminEndpoints {

    private final OrgServices org;

    AdminEndpoints(OrgServices org) {
        this.org = org;
    }

    /** @param path the segments after {@code api/v1/org} */
    Reply handle(RestRequest request, List<String> path) {
        try {
            if (path.isEmpty()) {
                return notFound(request);
            }
            return switch (path.get(0)) {
                case "objects" -> objects(request, path);
                case "connected-apps" -> apps(request, path);
                case "users" -> users(request, path);
                case "limits" -> limits(request, path);
                default -> notFound(request);
            };
        } catch (SchemaException e) {
            Map<String, String> fields = new LinkedHashMap<>();
            e.problems().forEach(p -> fields.putIfAbsent(p.field(), p.message()));
            return switch (e.kind()) {
                case NOT_FOUND -> Reply.admin(404, "NOT_FOUND", e.getMessage(), fields);
                case CONFLICT -> Reply.admin(409, "CONFLICT", e.getMessage(), fields);
                case INVALID -> Reply.admin(422, "VALIDATION_FAILED", e.getMessage(), fields);
            };
        } catch (IllegalStateException e) {
            return Reply.admin(409, "CONFLICT", e.getMessage(), Map.of());
        } catch (IllegalArgumentException e) {
            return Reply.admin(422, "VALIDATION_FAILED", e.getMessage(), Map.of());
        }
    }

    private Reply objects(RestRequest request, List<String> path) {
        String method = request.method();
        if (path.size() == 1) {
            return switch (method) {
                case "GET" -> Reply.json(200, AdminJson.items(org.schema().objects().stream().map(AdminJson::object)
                        .toList()));
                case "POST" -> withBody(request, body -> {
                    AdminInput input = new AdminInput();
                    var spec = AdminJson.objectSpec(body, input);
                    return input.ok() ? Reply.json(201, AdminJson.object(org.schema().createObject(spec)))
                            : invalid(input);
                });
                default -> notAllowed(method, "GET, POST");
            };
        }
        String name = path.get(1);
        if (path.size() == 2) {
            return object(request, name);
        }
        if (!path.get(2).equals("fields") || path.size() > 4) {
            return notFound(request);
        }
        return path.size() == 3 ? fields(request, name) : field(request, name, path.get(3));
    }

    private Reply object(RestRequest request, String name) {
        return switch (request.method()) {
            case "GET" -> Reply.json(200, AdminJson.object(object(name)));
            case "PUT" -> withBody(request, body -> {
                AdminInput input = new AdminInput();
                input.onlyKnown(body, "", AdminJson.OBJECT_PROPERTIES);
                String label = input.text(body, "label", "");
                String plural = input.text(body, "labelPlural", "");
                String given = input.text(body, "name", "");
                if (given != null && !given.equals(object(name).name())) {
                    input.problem("name", "An object cannot be renamed; expected " + object(name).name());
                }
                if (label == null) {
                    input.problem("label", "label is required");
                }
                return input.ok() ? Reply.json(200, AdminJson.object(org.schema().updateObject(name, label,
                        plural == null ? label + "s" : plural))) : invalid(input);
            });
            case "DELETE" -> {
                org.schema().deleteObject(name);
                yield Reply.noContent();
            }
            default -> notAllowed(request.method(), "GET, PUT, DELETE");
        };
    }

    private Reply fields(RestRequest request, String objectName) {
        return switch (request.method()) {
            case "GET" -> Reply.json(200, AdminJson.items(object(objectName).fields().stream().map(AdminJson::field)
                    .toList()));
            case "POST" -> withBody(request, body -> {
                AdminInput input = new AdminInput();
                FieldSpec spec = AdminJson.fieldSpec(body, "", input);
                return input.ok() ? Reply.json(201, AdminJson.field(org.schema().createField(objectName, spec)))
                        : invalid(input);
            });
            default -> notAllowed(request.method(), "GET, POST");
        };
    }

    private Reply field(RestRequest request, String objectName, String fieldName) {
        return switch (request.method()) {
            case "GET" -> Reply.json(200, AdminJson.field(object(objectName).field(fieldName).orElseThrow(() ->
                    SchemaException.notFound("No field '" + fieldName + "' on " + objectName))));
            case "PUT" -> withBody(request, body -> {
                AdminInput input = new AdminInput();
                FieldSpec spec = AdminJson.fieldSpec(body, "", input);
                return input.ok() ? Reply.json(200, AdminJson.field(org.schema().updateField(objectName, fieldName,
                        spec))) : invalid(input);
            });
            case "DELETE" -> {
                org.schema().deleteField(objectName, fieldName);
                yield Reply.noContent();
            }
            default -> notAllowed(request.method(), "GET, PUT, DELETE");
        };
    }

    private Reply apps(RestRequest request, List<String> path) {
        if (path.size() == 1) {
            return switch (request.method()) {
                case "GET" -> Reply.json(200, AdminJson.items(org.apps().list().stream().map(AdminJson::app)
                        .toList()));
                case "POST" -> withBody(request, body -> {
                    AdminInput input = new AdminInput();
                    input.onlyKnown(body, "", Set.of("name"));
                    String name = input.text(body, "name", "");
                    if (name == null || name.isBlank()) {
                        input.problem("name", "name is required: a label for the connected app");
                    }
                    if (!input.ok()) {
                        return invalid(input);
                    }
                    ConnectedApps.NewConnectedApp created = org.apps().create(name);
                    ObjectNode node = AdminJson.app(created.app());
                    node.put("clientSecret", created.clientSecret());
                    return Reply.json(201, node);
                });
                default -> notAllowed(request.method(), "GET, POST");
            };
        }
        if (path.size() == 2 && request.method().equals("DELETE")) {
            return org.apps().delete(path.get(1)) ? Reply.noContent()
                    : Reply.admin(404, "NOT_FOUND", "No connected app with client id '" + path.get(1) + "'", Map.of());
        }
        if (path.size() == 2 && request.method().equals("GET")) {
            return org.apps().find(path.get(1)).map(a -> Reply.json(200, AdminJson.app(a))).orElseGet(() ->
                    Reply.admin(404, "NOT_FOUND", "No connected app with client id '" + path.get(1) + "'", Map.of()));
        }
        return path.size() == 2 ? notAllowed(request.method(), "GET, DELETE") : notFound(request);
    }

    private Reply users(RestRequest request, List<String> path) {
        if (path.size() != 1) {
            return notFound(request);
        }
        return switch (request.method()) {
            case "GET" -> Reply.json(200, AdminJson.items(org.users().list().stream().map(AdminJson::user).toList()));
            case "POST" -> withBody(request, body -> {
                AdminInput input = new AdminInput();
                input.onlyKnown(body, "", Set.of("username", "email", "firstName", "lastName", "password", "active"));
                String username = input.text(body, "username", "");
                String email = input.text(body, "email", "");
                String lastName = input.text(body, "lastName", "");
                String password = input.text(body, "password", "");
                Boolean active = input.bool(body, "active", "");
                requireText(input, "username", username, "a login name in the form of an e-mail address");
                requireText(input, "email", email, "an e-mail address");
                requireText(input, "lastName", lastName, "the user's last name");
                if (password != null && password.length() < 8) {
                    input.problem("password", "password is too short (" + password.length()
                            + " characters); expected at least 8");
                }
                if (!input.ok()) {
                    return invalid(input);
                }
                Users.UserInfo user = org.users().create(new Users.NewUser(username, email,
                        input.text(body, "firstName", ""), lastName, password, active == null || active));
                return Reply.json(201, AdminJson.user(user));
            });
            default -> notAllowed(request.method(), "GET, POST");
        };
    }

    private Reply limits(RestRequest request, List<String> path) {
        if (path.size() != 1) {
            return notFound(request);
        }
        return switch (request.method()) {
            case "GET" -> Reply.json(200, limitsBody());
            case "PUT" -> withBody(request, body -> {
                AdminInput input = new AdminInput();
                input.onlyKnown(body, "", Set.of("dailyApiLimit", "usedToday"));
                Long limit = input.whole(body, "dailyApiLimit", "");
                if (input.ok() && (limit == null || limit < 1)) {
                    input.problem("dailyApiLimit", "dailyApiLimit was " + limit + "; expected a whole number of 1 "
                            + "or more");
                }
                if (!input.ok()) {
                    return invalid(input);
                }
                org.usage().setLimit(limit);
                return Reply.json(200, limitsBody());
            });
            default -> notAllowed(request.method(), "GET, PUT");
        };
    }

    private ObjectNode limitsBody() {
        ObjectNode node = RecordJson.NODES.objectNode();
        node.put("dailyApiLimit", org.usage().limit());
        node.put("usedToday", org.usage().used());
        return node;
    }

    private ObjectDefinition object(String name) {
        return org.schema().object(name).orElseThrow(() -> SchemaException.notFound("No object '" + name
                + "'; expected the name of an existing object, such as Account or a custom object ending in __c"));
    }

    private static void requireText(AdminInput input, String field, String value, String expected) {
        if (value == null || value.isBlank()) {
            input.problem(field, field + " is required: " + expected);
        }
    }

    private static Reply withBody(RestRequest request, Function<JsonNode, Reply> handler) {
        JsonNode body;
        try {
            body = Json.parse(request.body());
        } catch (Json.Malformed e) {
            return Reply.admin(400, "MALFORMED_JSON", "The body is not valid JSON: " + e.getMessage(), Map.of());
        }
        if (!body.isObject()) {
            return Reply.admin(400, "BAD_REQUEST", "Expected a JSON object, got " + body.getNodeType(), Map.of());
        }
        return handler.apply(body);
    }

    private static Reply invalid(AdminInput input) {
        Map.Entry<String, String> first = input.problems().entrySet().iterator().next();
        String message = input.problems().size() == 1 ? first.getValue()
                : input.problems().size() + " problems; first: " + first.getValue();
        return Reply.admin(422, "VALIDATION_FAILED", message, input.problems());
    }

    private static Reply notAllowed(String method, String allowed) {
        return Reply.admin(405, "METHOD_NOT_ALLOWED", "Method " + method + " is not allowed here; expected one of "
                + allowed, Map.of()).withHeader("Allow", allowed);
    }

    private static Reply notFound(RestRequest request) {
        return Reply.admin(404, "NOT_FOUND", "No resource at /" + String.join("/", request.segments()), Map.of());
    }
}
