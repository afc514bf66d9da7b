package org.openpayloads.web.filter;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * Who made an admin API request: the admin token it carried, by the token's name. That name is the actor
 * recorded on every configuration change.
 */
public record TokenSecurityContext(long tokenId, String tokenName, boolean secure) implements SecurityContext {

    /** The one role every valid admin token has. */
    public static final String ADMIN_ROLE = "admin";

    public static final String BEARER = "Bearer";

    @Override
    public Principal getUserPrincipal() {
        return this::tokenName;
    }

    @Override
    public boolean isUserInRole(String role) {
        return ADMIN_ROLE.equals(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return BEARER;
    }
}
