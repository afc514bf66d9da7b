package org.openpayloads.engine.model;

import java.util.Map;
import java.util.Optional;

/**
 * A credential with its secrets decrypted, for the runtime only. Never serialized; {@link #toString()}
 * hides the secret values.
 */
public record ResolvedCredential(String apiName, CredentialType type, Map<String, String> attributes,
                                 Map<String, String> secrets) {

    public ResolvedCredential {
        attributes = Map.copyOf(attributes);
        secrets = Map.copyOf(secrets);
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public Optional<String> secret(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    @Override
    public String toString() {
        return "ResolvedCredential[apiName=" + apiName + ", type=" + type + ", attributes=" + attributes
                + ", secrets=" + secrets.keySet() + " (values hidden)]";
    }
}
