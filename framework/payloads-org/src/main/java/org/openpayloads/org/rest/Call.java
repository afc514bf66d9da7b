package org.openpayloads.org.rest;

import org.openpayloads.org.db.TxRunner;
import org.openpayloads.org.schema.SchemaSnapshot;

/**
 * One authenticated data API call: the request, its API version ({@code v62.0}), the acting user, where its
 * work runs (its own transactions, or a composite's shared one), and the schema it sees.
 *
 * @param path the segments after {@code /services/data/vXX.X}
 */
record Call(RestRequest request, java.util.List<String> path, String version, String userId, TxRunner tx,
            SchemaSnapshot schema) {

    String method() {
        return request.method();
    }

    int apiVersion() {
        return (int) Double.parseDouble(version.substring(1));
    }
}
