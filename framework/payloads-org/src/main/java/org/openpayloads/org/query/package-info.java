/**
 * SOQL queries through a port: {@link org.openpayloads.org.query.QueryEngine} compiles a query (the SOQL
 * package implements it), {@link org.openpayloads.org.query.QueryService} runs plans over stored records and
 * pages the results.
 */
@NullMarked
package org.openpayloads.org.query;

import org.jspecify.annotations.NullMarked;
