package org.openpayloads.engine.mapping;

import java.util.Optional;
import org.openpayloads.engine.model.ResolvedCredential;

/** Finds an integration's credential for CREDENTIAL mappings; {@code CredentialRepository::resolve} is one. */
@FunctionalInterface
public interface CredentialResolver {

    Optional<ResolvedCredential> resolve(String integration, String credential);
}
