package org.openpayloads.org;

/**
 * The server's check of its admin API tokens. Such a token is accepted on every org path as the session of
 * the org's administrator.
 */
@FunctionalInterface
public interface AdminSessions {

    /** Never accepts anything; for an org without an admin API. */
    AdminSessions NONE = token -> false;

    boolean isAdminToken(String bearerToken);
}
