package org.openpayloads.org.rest;

import java.time.Clock;
import org.openpayloads.org.AdminSessions;
import org.openpayloads.org.auth.ConnectedApps;
import org.openpayloads.org.auth.Sessions;
import org.openpayloads.org.auth.Users;
import org.openpayloads.org.data.DeleteEngine;
import org.openpayloads.org.data.RecordRepository;
import org.openpayloads.org.data.WriteEngine;
import org.openpayloads.org.db.Transactions;
import org.openpayloads.org.limits.ApiUsage;
import org.openpayloads.org.query.QueryService;
import org.openpayloads.org.schema.Schema;

/**
 * Everything the REST layer calls, built once by {@link org.openpayloads.org.EmbeddedOrg}.
 *
 * @param orgId      the org's 18-character id ({@code 00D...})
 * @param signingKey the key of the token response's signature
 * @param administratorId the user that admin tokens and connected apps act as
 */
public record OrgServices(Schema schema, WriteEngine writes, DeleteEngine deletes, RecordRepository records,
                          QueryService queries, Sessions sessions, ConnectedApps apps, Users users, ApiUsage usage,
                          Transactions tx, Clock clock, AdminSessions adminSessions, String orgId, String signingKey,
                          String administratorId) {
}
