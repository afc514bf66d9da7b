package org.openpayloads.web.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.junit.jupiter.api.Test;
import org.openpayloads.web.error.ApiException;
import org.openpayloads.web.filter.TokenSecurityContext;

class RequestsTest {

    @Test
    void aMissingBodyIsA400() {
        assertThatThrownBy(() -> Requests.body(null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("a JSON body is required");
        assertThat(Requests.body("x")).isEqualTo("x");
    }

    @Test
    void theActorIsTheTokensName() {
        assertThat(Requests.actor(new TokenSecurityContext(1, "ci", false))).isEqualTo("ci");
    }

    @Test
    void noPrincipalIsA401() {
        SecurityContext anonymous = new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return null;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return null;
            }
        };

        assertThatThrownBy(() -> Requests.actor(anonymous)).isInstanceOf(ApiException.class);
    }
}
