package org.openpayloads.api.connector;

import com.fasterxml.jackson.databind.JsonNode;
import org.openpayloads.api.MappingException;
import org.openpayloads.api.RetriableException;

/** Reads resources of one API account, for example a Stripe customer. Thread-safe. */
public interface ApiClient {

    /**
     * {@code GET path}: one resource as JSON.
     *
     * @param path an absolute path with its ids percent-encoded, such as {@code /v1/customers/cus_123}; see
     *     {@link ResourcePaths#fill}
     * @throws MappingException when the API refused the request, for example a missing resource; not retried
     * @throws RetriableException when the API stayed unavailable or throttled the calls
     */
    JsonNode get(String path);
}
