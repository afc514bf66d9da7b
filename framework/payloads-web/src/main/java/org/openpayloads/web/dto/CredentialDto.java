package org.openpayloads.web.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonProperty.Access;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A credential. Attributes are plain and shown in full. Secrets are write-only: on output each is a mask; on
 * input a value sets the secret, {@code null} removes it, and an absent name or a mask (as a client echoes
 * what it read) keeps what is stored.
 */
public record CredentialDto(@Nullable String apiName, @Nullable String label, @Nullable String type,
                            @Nullable Map<String, @Nullable String> attributes,
                            @Nullable Map<String, @Nullable String> secrets,
                            @JsonProperty(access = Access.READ_ONLY) @Nullable Instant createdAt,
                            @JsonProperty(access = Access.READ_ONLY) @Nullable String createdBy,
                            @JsonProperty(access = Access.READ_ONLY) @Nullable Instant modifiedAt,
                            @JsonProperty(access = Access.READ_ONLY) @Nullable String modifiedBy,
                            @JsonProperty(access = Access.READ_ONLY) @Nullable Long version) {

    public CredentialDto withApiNameOr(String name) {
        return apiName != null ? this : withSecrets(name, secrets);
    }

    /** This credential with other secrets, for a merge patch that removes some. */
    public CredentialDto withSecrets(@Nullable String name, @Nullable Map<String, @Nullable String> newSecrets) {
        return new CredentialDto(name, label, type, attributes, newSecrets, createdAt, createdBy, modifiedAt,
                modifiedBy, version);
    }

    @Override
    public String toString() {
        return "CredentialDto[apiName=" + apiName + ", type=" + type + ", attributes=" + attributes + ", secrets="
                + (secrets == null ? "null" : secrets.keySet() + " (values hidden)") + "]";
    }
}
