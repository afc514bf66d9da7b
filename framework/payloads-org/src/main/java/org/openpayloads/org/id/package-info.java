/**
 * Salesforce record ids: {@link org.openpayloads.org.id.SalesforceId} makes, parses and checks the
 * 18-character case-safe form.
 */
@NullMarked
package org.openpayloads.org.id;

import org.jspecify.annotations.NullMarked;
