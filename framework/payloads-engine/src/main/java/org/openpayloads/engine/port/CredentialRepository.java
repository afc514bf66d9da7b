package org.openpayloads.engine.port;

import java.util.List;
import java.util.Optional;
import org.openpayloads.engine.model.Credential;
import org.openpayloads.engine.model.CredentialChange;
import org.openpayloads.engine.model.ResolvedCredential;

/** Stores credentials, with their secrets encrypted at rest. Reads show secrets masked only. */
public interface CredentialRepository {

    List<Credential> findAll(String integration);

    Optional<Credential> find(String integration, String apiName);

    Credential create(String integration, CredentialChange credential, String actor);

    Credential update(String integration, String apiName, CredentialChange credential, String actor);

    void delete(String integration, String apiName, String actor);

    /** The credential with its secrets decrypted, for connectors at run time. */
    Optional<ResolvedCredential> resolve(String integration, String apiName);
}
