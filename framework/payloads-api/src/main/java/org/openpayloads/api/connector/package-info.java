/**
 * The connector SPI: what a connector author implements, and what the runtime hands to it.
 *
 * <p>Entry points: {@link org.openpayloads.api.connector.Connector}, a stateless descriptor and factory
 * listed in {@code META-INF/services/org.openpayloads.api.connector.Connector};
 * {@link org.openpayloads.api.connector.RecordConnector}, the kind that writes records to a target;
 * {@link org.openpayloads.api.connector.ApiConnector}, the kind that reads an API's resources and offers
 * {@link org.openpayloads.api.connector.PollingTrigger}s;
 * {@link org.openpayloads.api.connector.Connectors}, which finds them with {@link java.util.ServiceLoader}
 * and fails loudly on a duplicate or missing type. A connector does all its HTTP through the
 * {@link org.openpayloads.api.connector.HttpTransport} in its
 * {@link org.openpayloads.api.connector.ConnectorContext}, so that the runtime can swap the network for
 * an in-process call.
 */
@NullMarked
package org.openpayloads.api.connector;

import org.jspecify.annotations.NullMarked;
