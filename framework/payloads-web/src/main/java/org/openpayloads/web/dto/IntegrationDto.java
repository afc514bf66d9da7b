package org.openpayloads.web.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonProperty.Access;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An integration. On input, {@code label} defaults to {@code apiName} and {@code active} to true;
 * {@code retentionDays} (how long finished jobs are kept) to the server's default when absent. The audit
 * properties are read-only, accepted and ignored so that what GET shows can be PUT back.
 */
public record IntegrationDto(@Nullable String apiName, @Nullable String label, @Nullable String description,
                             @Nullable Boolean active, @Nullable Integer retentionDays,
                             @JsonProperty(access = Access.READ_ONLY) @Nullable Instant createdAt,
                             @JsonProperty(access = Access.READ_ONLY) @Nullable String createdBy,
                             @JsonProperty(access = Access.READ_ONLY) @Nullable Instant modifiedAt,
                             @JsonProperty(access = Access.READ_ONLY) @Nullable String modifiedBy,
                             @JsonProperty(access = Access.READ_ONLY) @Nullable Long version) {

    /** This integration named {@code name} when it names none, as when a PUT leaves the name to its URL. */
    public IntegrationDto withApiNameOr(String name) {
        return apiName != null ? this
                : new IntegrationDto(name, label, description, active, retentionDays, createdAt, createdBy, modifiedAt,
                modifiedBy, version);
    }
}
