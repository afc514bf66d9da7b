package org.openpayloads.web.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenSecurityContextTest {

    @Test
    void namesTheTokenAndHasTheAdminRole() {
        TokenSecurityContext context = new TokenSecurityContext(3, "ci", true);

        assertThat(context.getUserPrincipal().getName()).isEqualTo("ci");
        assertThat(context.isUserInRole("admin")).isTrue();
        assertThat(context.isUserInRole("root")).isFalse();
        assertThat(context.isSecure()).isTrue();
        assertThat(context.getAuthenticationScheme()).isEqualTo("Bearer");
    }
}
