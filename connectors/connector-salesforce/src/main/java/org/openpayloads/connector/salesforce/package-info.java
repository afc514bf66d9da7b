/**
 * The Salesforce connector: writes and reads records of one org over the REST API.
 *
 * <p>Entry point: {@link org.openpayloads.connector.salesforce.SalesforceConnector}, found by
 * ServiceLoader under type {@code salesforce}; its clients authenticate with OAuth 2.0 (client
 * credentials, JWT bearer or username-password), group writes into sObject Collections, retry what
 * may pass on its own, and report API usage. {@link org.openpayloads.api.connector.JdkHttpTransport}
 * is the default transport, on the JDK's {@code HttpClient}.
 */
@NullMarked
package org.openpayloads.connector.salesforce;

import org.jspecify.annotations.NullMarked;
