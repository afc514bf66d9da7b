package org.openpayloads.org;

import java.time.Clock;
import javax.sql.DataSource;

/**
 * What the embedded org needs from the server.
 *
 * @param dataSource    the server's pool; the org keeps its tables (all named {@code org_*}) in the same schema
 * @param clock         for record dates, session expiry and the API usage day
 * @param dailyApiLimit API requests allowed per UTC day, until the admin API changes it
 * @param adminSessions the server's admin token check
 */
public record OrgSettings(DataSource dataSource, Clock clock, long dailyApiLimit, AdminSessions adminSessions) {

    public OrgSettings {
        if (dailyApiLimit < 1) {
            throw new IllegalArgumentException("dailyApiLimit was " + dailyApiLimit + "; expected 1 or more");
        }
    }
}
