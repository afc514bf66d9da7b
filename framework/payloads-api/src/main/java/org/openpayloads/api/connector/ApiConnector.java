package org.openpayloads.api.connector;

import java.util.List;
import java.util.Map;
import org.openpayloads.api.ConfigException;

/**
 * A connector to an API of JSON resources, such as Stripe's: it opens {@link ApiClient}s that read one
 * resource by path, and may offer {@link PollingTrigger}s that find items created since a watermark.
 */
public interface ApiConnector extends Connector {

    /**
     * Opens a client for one configuration. Opening is cheap and does not call the API.
     *
     * @param config plain and secret values together, as {@link #validate} accepts them
     * @throws ConfigException when {@code config} has a problem; every problem is listed
     */
    ApiClient open(ConnectorContext context, Map<String, String> config);

    /** The polling triggers this connector offers, each with a unique {@link PollingTrigger#name()}. */
    List<PollingTrigger> triggers();
}
