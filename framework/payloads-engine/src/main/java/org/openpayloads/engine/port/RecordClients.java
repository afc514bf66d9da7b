package org.openpayloads.engine.port;

import org.openpayloads.api.records.RecordClient;

/** The org each integration's targets write to. The server supplies it; the engine never closes the clients. */
@FunctionalInterface
public interface RecordClients {

    /** The client for {@code integration}'s targets. */
    RecordClient forIntegration(String integration);
}
