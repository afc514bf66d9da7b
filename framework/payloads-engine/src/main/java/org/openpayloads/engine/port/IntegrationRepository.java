package org.openpayloads.engine.port;

import java.util.List;
import java.util.Optional;
import org.openpayloads.engine.model.Integration;

/** Stores integrations. Deleting one deletes its payloads, credentials and jobs. */
public interface IntegrationRepository {

    List<Integration> findAll();

    Optional<Integration> find(String apiName);

    Integration create(Integration integration, String actor);

    /** Replaces the integration named {@code apiName}; a new API name in {@code integration} renames it. */
    Integration update(String apiName, Integration integration, String actor);

    void delete(String apiName, String actor);
}
