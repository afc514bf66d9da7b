package org.openpayloads.web.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpayloads.web.filter.TestRequests.request;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.glassfish.jersey.server.ContainerRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpayloads.engine.security.AdminTokenService;
import org.openpayloads.web.InMemoryTokens;
import org.openpayloads.web.error.ApiException;
import org.openpayloads.web.error.ErrorCode;

class BearerAuthFilterTest {

    private final AdminTokenService tokens = new AdminTokenService(new InMemoryTokens(),
            Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
    private final AdminTokenService.IssuedToken ci = tokens.issue("ci", "admin");
    private final BearerAuthFilter filter = new BearerAuthFilter(tokens);

    @Test
    void aValidTokenSetsASecurityContextNamedAfterIt() {
        ContainerRequest request = request("POST", "/api/v1/integrations");
        request.header("Authorization", "Bearer " + ci.value());

        filter.filter(request);

        assertThat(request.getSecurityContext()).isInstanceOfSatisfying(TokenSecurityContext.class, context -> {
            assertThat(context.getUserPrincipal().getName()).isEqualTo("ci");
            assertThat(context.tokenId()).isEqualTo(ci.token().id());
            assertThat(context.getAuthenticationScheme()).isEqualTo("Bearer");
        });
        assertThat(tokens.list()).singleElement().satisfies(t -> assertThat(t.lastUsedAt()).isNotNull());
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        ContainerRequest request = request("GET", "/api/v1/jobs");
        request.header("Authorization", "bearer   " + ci.value() + " ");

        filter.filter(request);

        assertThat(request.getSecurityContext().getUserPrincipal().getName()).isEqualTo("ci");
    }

    @Test
    void aMissingTokenIs401WithAChallenge() {
        assertUnauthorized(request("GET", "/api/v1/integrations"), "An admin token is required: send Authorization: "
                + "Bearer <token>");
    }

    @Test
    void anotherSchemeIs401() {
        ContainerRequest request = request("GET", "/api/v1/integrations");
        request.header("Authorization", "Basic YWRtaW46YWRtaW4=");

        assertUnauthorized(request, "The Authorization header must use the Bearer scheme: Authorization: Bearer <token>");
    }

    @Test
    void anEmptyBearerIs401() {
        ContainerRequest request = request("GET", "/api/v1/integrations");
        request.header("Authorization", "Bearer ");

        assertUnauthorized(request, "The Authorization header must use the Bearer scheme: Authorization: Bearer <token>");
    }

    @Test
    void anUnknownTokenIs401AndIsNotEchoed() {
        ContainerRequest request = request("GET", "/api/v1/integrations");
        request.header("Authorization", "Bearer opl_guessedguessedguessed");

        assertThatThrownBy(() -> filter.filter(request))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED))
                .hasMessage("The bearer token is not valid, or was revoked")
                .message().doesNotContain("guessed");
    }

    @Test
    void aRevokedTokenIs401() {
        tokens.revoke(ci.token().id());
        ContainerRequest request = request("GET", "/api/v1/integrations");
        request.header("Authorization", "Bearer " + ci.value());

        assertUnauthorized(request, "The bearer token is not valid, or was revoked");
    }

    @Test
    void twoAuthorizationHeadersAre401() {
        ContainerRequest request = request("GET", "/api/v1/integrations");
        request.header("Authorization", "Bearer " + ci.value());
        request.header("Authorization", "Bearer other");

        assertUnauthorized(request, "Send one Authorization header; this request has 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1", "/api/v1/", "/api/v1/nothing-here", "/API/V1/integrations",
        "//api//v1/integrations", "/api/./v1/integrations", "/api;x=1/v1/integrations", "/%61pi/v1/integrations",
        "/other/../api/v1/integrations"})
    void everySpellingOfAnAdminPathNeedsAToken(String path) {
        assertThatThrownBy(() -> filter.filter(request("GET", path))).isInstanceOf(ApiException.class);
    }

    @Test
    void theOpenApiDescriptionIsPublicToReadOnly() {
        ContainerRequest get = request("GET", "/api/v1/openapi.json");
        filter.filter(get);
        filter.filter(request("HEAD", "/api/v1/openapi.json"));

        assertThat(get.getSecurityContext()).isNull();
        assertThatThrownBy(() -> filter.filter(request("POST", "/api/v1/openapi.json")))
                .isInstanceOf(ApiException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/", "/api/v2/x", "/apiv1/integrations", "/org/services/data"})
    void pathsOutsideTheAdminApiAreLeftAlone(String path) {
        ContainerRequest request = request("GET", path);

        filter.filter(request);

        assertThat(request.getSecurityContext()).isNull();
    }

    private void assertUnauthorized(ContainerRequest request, String message) {
        assertThatThrownBy(() -> filter.filter(request))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
                    assertThat(e.headers()).containsEntry("WWW-Authenticate", "Bearer realm=\"openpayloads\"");
                })
                .hasMessage(message);
    }
}
