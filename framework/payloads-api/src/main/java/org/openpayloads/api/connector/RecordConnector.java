package org.openpayloads.api.connector;

import java.util.Map;
import org.openpayloads.api.ConfigException;
import org.openpayloads.api.records.RecordClient;

/** A connector to a system of records (Salesforce): it opens {@link RecordClient}s. */
public interface RecordConnector extends Connector {

    /**
     * Opens a client for one configuration. Opening is cheap and does not call the target: the first
     * request authenticates.
     *
     * @param config plain and secret values together, as {@link #validate} accepts them
     * @throws ConfigException when {@code config} has a problem; every problem is listed
     */
    RecordClient connect(ConnectorContext context, Map<String, String> config);
}
