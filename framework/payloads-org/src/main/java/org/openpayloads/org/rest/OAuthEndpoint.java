package org.openpayloads.org.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openpayloads.org.auth.ConnectedApps;
import org.openpayloads.org.auth.Sessions;
import org.openpayloads.org.auth.Users;
import org.openpayloads.org.data.RecordJson;

/**
 * {@code POST /services/oauth2/token}: the client-credentials grant (a connected app's id and secret; the
 * session acts as the org's administrator) and the password grant (a user's username and password, with the
 * app's id and secret when given). Errors use OAuth's form: {@code {"error","error_description"}}.
 */
final class OAuthEndpoint {

    private final OrgServices org;

    OAuthEndpoint(OrgServices org) {
        this.org = org;
    }

    Reply token(RestRequest request) {
        if (!request.method().equals("POST")) {
            return Reply.methodNotAllowed(request.method(), "POST");
        }
        Map<String, List<String>> form = new LinkedHashMap<>(request.query());
        RestRequest.parameters(new String(request.body(), StandardCharsets.UTF_8)).forEach(form::putIfAbsent);
        String grant = first(form, "grant_type").orElse("");
        return switch (grant) {
            case "client_credentials" -> clientCredentials(request, form);
            case "password" -> password(request, form);
            default -> oauthError("unsupported_grant_type", "grant type not supported");
        };
    }

    private Reply clientCredentials(RestRequest request, Map<String, List<String>> form) {
        Optional<String> clientId = first(form, "client_id");
        if (clientId.isEmpty() || org.apps().find(clientId.get()).isEmpty()) {
            return oauthError("invalid_client_id", "client identifier invalid");
        }
        Optional<ConnectedApps.ConnectedApp> app = org.apps().authenticate(clientId.get(),
                first(form, "client_secret").orElse(""));
        if (app.isEmpty()) {
            return oauthError("invalid_client", "invalid client credentials");
        }
        return issued(request, org.administratorId());
    }

    private Reply password(RestRequest request, Map<String, List<String>> form) {
        Optional<String> clientId = first(form, "client_id");
        if (clientId.isPresent()) {
            if (org.apps().find(clientId.get()).isEmpty()) {
                return oauthError("invalid_client_id", "client identifier invalid");
            }
            if (org.apps().authenticate(clientId.get(), first(form, "client_secret").orElse("")).isEmpty()) {
                return oauthError("invalid_client", "invalid client credentials");
            }
        }
        Optional<Users.UserInfo> user = org.users().authenticate(first(form, "username").orElse(""),
                first(form, "password").orElse(""));
        return user.map(u -> issued(request, u.id()))
                .orElseGet(() -> oauthError("invalid_grant", "authentication failure"));
    }

    private Reply issued(RestRequest request, String userId) {
        Sessions.OrgSession session = org.sessions().issue(userId);
        String id = request.baseUrl() + "/id/" + org.orgId() + "/" + userId;
        String issuedAt = Long.toString(session.issuedAt().toEpochMilli());
        ObjectNode body = RecordJson.NODES.objectNode();
        body.put("access_token", session.token());
        body.put("instance_url", request.baseUrl());
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        body.put("signature", sign(id + issuedAt));
        return Reply.json(200, body).withHeader("Cache-Control", "no-cache,must-revalidate,max-age=0,no-store,private");
    }

    /** Base64 HMAC-SHA256 of the identity URL and issue time, as Salesforce signs token responses. */
    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(org.signingKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static Reply oauthError(String error, String description) {
        ObjectNode body = RecordJson.NODES.objectNode();
        body.put("error", error);
        body.put("error_description", description);
        return Reply.json(400, body);
    }

    private static Optional<String> first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? Optional.empty()
                : Optional.of(values.get(0));
    }
}
