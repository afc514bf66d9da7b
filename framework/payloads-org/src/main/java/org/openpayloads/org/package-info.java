/**
 * The embedded Salesforce-compatible org: object schemas as data, records with 18-character ids, and
 * Salesforce's REST paths. It depends on no engine class; the server wires it in.
 *
 * <p>Entry point: {@link org.openpayloads.org.EmbeddedOrg}, opened with {@link org.openpayloads.org.OrgSettings};
 * {@link org.openpayloads.org.EmbeddedOrg#handle} takes an {@link org.openpayloads.org.OrgRequest} in process and
 * answers the same {@link org.openpayloads.org.OrgResponse} as HTTP.
 */
@NullMarked
package org.openpayloads.org;

import org.jspecify.annotations.NullMarked;
