package org.openpayloads.org.query;

import java.time.Clock;
import org.openpayloads.org.schema.SchemaSnapshot;

/**
 * Parses and compiles a SOQL query against the schema. The org's one implementation adapts the SOQL package
 * ({@code org.openpayloads.org.soql}); it is found with {@link java.util.ServiceLoader}, so that the rest of
 * the org depends only on this port.
 */
public interface QueryEngine {

    /**
     * @param clock today, for relative dates such as {@code LAST_N_DAYS:7}
     * @throws QueryException with MALFORMED_QUERY, INVALID_FIELD or INVALID_TYPE and Salesforce's message
     */
    QueryPlan plan(String soql, SchemaSnapshot schema, Clock clock);
}
