package org.openpayloads.engine.model;

import java.util.Map;
import java.util.Set;

/**
 * A credential to create or replace. Secrets are write-only: those in {@code secretsToSet} are
 * (re)encrypted, those in {@code secretsToRemove} are deleted, and any other stored secret stays.
 */
public record CredentialChange(String apiName, String label, CredentialType type, Map<String, String> attributes,
                               Map<String, String> secretsToSet, Set<String> secretsToRemove) {

    public CredentialChange {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        secretsToSet = secretsToSet == null ? Map.of() : Map.copyOf(secretsToSet);
        secretsToRemove = secretsToRemove == null ? Set.of() : Set.copyOf(secretsToRemove);
    }

    @Override
    public String toString() {
        return "CredentialChange[apiName=" + apiName + ", type=" + type + ", attributes=" + attributes
                + ", secretsToSet=" + secretsToSet.keySet() + " (values hidden), secretsToRemove=" + secretsToRemove
                + "]";
    }
}
