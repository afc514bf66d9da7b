package org.openpayloads.server;

import org.jspecify.annotations.Nullable;

/**
 * Where the server's default Salesforce credential points. Without a login URL it is the embedded org,
 * reached in process or over HTTP; with one, a real org through the client-credentials flow.
 *
 * @param loginUrl {@code PAYLOADS_SALESFORCE_URL}, or null for the embedded org
 * @param dailyApiLimit the embedded org's daily API request limit
 */
public record SalesforceSettings(@Nullable String loginUrl, @Nullable String clientId,
                                 @Nullable String clientSecret, OrgTransport transport, long dailyApiLimit) {

    /** How the server reaches the embedded org. */
    public enum OrgTransport {
        /** Direct calls into the org's request handler: no sockets, the same requests and answers. */
        IN_PROCESS,
        /** Real HTTP to the server's own port, as an outside client would. */
        HTTP
    }

    public static final long DEFAULT_DAILY_API_LIMIT = 5_000_000;

    public static final SalesforceSettings EMBEDDED =
            new SalesforceSettings(null, null, null, OrgTransport.IN_PROCESS, DEFAULT_DAILY_API_LIMIT);

    public SalesforceSettings {
        if (dailyApiLimit < 1) {
            throw new IllegalArgumentException("daily API limit was " + dailyApiLimit + "; expected 1 or more");
        }
        if (loginUrl != null && (clientId == null || clientSecret == null)) {
            throw new IllegalArgumentException("PAYLOADS_SALESFORCE_URL is set, so PAYLOADS_SALESFORCE_CLIENT_ID and "
                    + "PAYLOADS_SALESFORCE_CLIENT_SECRET are required too");
        }
    }

    public boolean embedded() {
        return loginUrl == null;
    }

    @Override
    public String toString() {
        return embedded() ? "SalesforceSettings[embedded org, " + transport + ", dailyApiLimit=" + dailyApiLimit + "]"
                : "SalesforceSettings[loginUrl=" + loginUrl + ", clientId=" + clientId + ", clientSecret=[hidden]]";
    }
}
