package org.openpayloads.engine.port;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openpayloads.engine.model.Payload;

/** Stores payloads with their elements, targets and sources, as one aggregate. */
public interface PayloadRepository {

    List<Payload> findAll(String integration);

    /** The active POLLING payloads of active integrations, by integration API name: what the pollers run. */
    Map<String, List<Payload>> findActivePolling();

    Optional<Payload> find(String integration, String payload);

    Payload create(String integration, Payload payload, String actor);

    /** Replaces the payload and its whole tree; a new API name in {@code payload} renames it. */
    Payload update(String integration, String payloadApiName, Payload payload, String actor);

    void delete(String integration, String payload, String actor);
}
