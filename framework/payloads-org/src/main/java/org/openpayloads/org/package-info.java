/**
 * The embedded Salesforce-compatible org: object schemas as data, records with 18-character ids, and
 * Salesforce's REST paths. It depends on no engine class; the server wires it in.
 */
@NullMarked
package org.openpayloads.org;

import org.jspecify.annotations.NullMarked;
