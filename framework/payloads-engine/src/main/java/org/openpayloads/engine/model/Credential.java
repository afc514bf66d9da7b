package org.openpayloads.engine.model;

import java.util.Map;

/**
 * A stored credential as the admin API shows it: plain attributes in full, secrets only masked.
 *
 * @param maskedSecrets secret name → masked value, showing at most the last 4 characters
 */
public record Credential(String apiName, String label, CredentialType type, Map<String, String> attributes,
                         Map<String, String> maskedSecrets, AuditInfo audit) {

    public Credential {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        maskedSecrets = maskedSecrets == null ? Map.of() : Map.copyOf(maskedSecrets);
        audit = audit == null ? AuditInfo.NEW : audit;
    }
}
