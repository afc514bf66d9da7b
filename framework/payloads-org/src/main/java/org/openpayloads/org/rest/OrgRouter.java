package org.openpayloads.org.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.openpayloads.org.OrgRequest;
import org.openpayloads.org.OrgResponse;
import org.openpayloads.org.data.RecordJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one dispatcher of the org: HTTP (through {@link OrgResource}) and in-process calls both end here, so
 * they cannot answer differently. It authenticates, counts the call against the daily limit, routes, and
 * turns any unexpected failure into Salesforce's {@code UNKNOWN_EXCEPTION} (logged with an id).
 */
public final class OrgRouter {

    static final int LATEST_VERSION = 62;
    private static final int FIRST_VERSION = 20;
    private static final Pattern VERSION = Pattern.compile("v\\d{2,3}\\.\\d");
    private static final Logger LOG = LoggerFactory.getLogger(OrgRouter.class);

    private final OrgServices org;
    private final DataRouter data;
    private final OAuthEndpoint oauth;
    private final AdminEndpoints admin;

    public OrgRouter(OrgServices org) {
        this.org = org;
        this.data = new DataRouter(org);
        this.oauth = new OAuthEndpoint(org);
        this.admin = new AdminEndpoints(org);
    }

    public OrgResponse handle(OrgRequest request) {
        RestRequest rest = RestRequest.of(request);
        Reply reply;
        try {
            reply = route(rest);
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Unexpected error {} on {} {}", errorId, request.method(), request.path(), e);
            reply = Reply.error(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId "
                    + "if you contact support: " + errorId);
        }
        return response(reply);
    }

    private Reply route(RestRequest request) {
        List<String> s = request.segments();
        if (s.size() >= 3 && lower(s.get(0)).equals("api") && lower(s.get(1)).equals("v1")
                && lower(s.get(2)).equals("org")) {
            return bearer(request).filter(token -> org.adminSessions().isAdminToken(token))
                    .map(token -> admin.handle(request, s.subList(3, s.size())))
                    .orElseGet(() -> Reply.admin(401, "UNAUTHORIZED", "An admin token is required: send "
                            + "Authorization: Bearer <token>", Map.of()).withHeader("WWW-Authenticate", "Bearer"));
        }
        if (s.size() < 2 || !s.get(0).equals("services")) {
            return Reply.notFound();
        }
        if (s.get(1).equals("oauth2")) {
            return s.size() == 3 && s.get(2).equals("token") ? oauth.token(request) : Reply.notFound();
        }
        if (!s.get(1).equals("data")) {
            return Reply.notFound();
        }
        if (s.size() == 2) {
            return request.method().equals("GET") ? Reply.json(200, versions())
                    : Reply.methodNotAllowed(request.method(), "GET");
        }
        String version = s.get(2);
        if (!VERSION.matcher(version).matches()) {
            return Reply.notFound();
        }
        Optional<String> user = bearer(request).flatMap(this::userOf);
        if (user.isEmpty()) {
            return Reply.error(401, "INVALID_SESSION_ID", "Session expired or invalid");
        }
        if (!org.usage().tryAcquire()) {
            return Reply.error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
        }
        return data.dispatch(new Call(request, s.subList(3, s.size()), version, user.get(), org.tx(),
                org.schema().snapshot()));
    }

    /** A session's user; an admin API token acts as the org's administrator. */
    private Optional<String> userOf(String token) {
        if (org.adminSessions().isAdminToken(token)) {
            return Optional.of(org.administratorId());
        }
        return org.sessions().userOf(token);
    }

    /** The token of {@code Authorization: Bearer <token>} (or Salesforce's older {@code OAuth <token>}). */
    private static Optional<String> bearer(RestRequest request) {
        return request.header("Authorization").map(String::trim).flatMap(value -> {
            String lower = lower(value);
            for (String scheme : List.of("bearer ", "oauth ")) {
                if (lower.startsWith(scheme)) {
                    String token = value.substring(scheme.length()).trim();
                    return token.isEmpty() ? Optional.empty() : Optional.of(token);
                }
            }
            return Optional.empty();
        });
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode versions() {
        var array = RecordJson.NODES.arrayNode();
        String[] seasons = {"Winter", "Spring", "Summer"};
        for (int v = FIRST_VERSION; v <= LATEST_VERSION; v++) {
            int n = v - FIRST_VERSION;
            array.addObject().put("label", seasons[n % 3] + " '" + (11 + n / 3)).put("url", "/services/data/v" + v
                    + ".0").put("version", v + ".0");
        }
        return array;
    }

    private OrgResponse response(Reply reply) {
        Map<String, String> headers = new LinkedHashMap<>(reply.headers());
        headers.put("Sforce-Limit-Info", org.usage().header());
        byte[] body = new byte[0];
        if (reply.body() != null) {
            body = Json.bytes(reply.body());
            headers.put("Content-Type", "application/json;charset=UTF-8");
        }
        return new OrgResponse(reply.status(), headers, body);
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
