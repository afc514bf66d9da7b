/**
 * Salesforce's REST API and the org's admin API. {@link org.openpayloads.org.rest.OrgRouter} is the one
 * dispatcher; {@link org.openpayloads.org.rest.OrgResource} carries HTTP to it.
 */
@NullMarked
package org.openpayloads.org.rest;

import org.jspecify.annotations.NullMarked;
