package org.openpayloads.web.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonProperty.Access;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A payload with its whole tree: elements, targets (inbound) and sources (outbound). On input,
 * {@code direction} is inferred from {@code kind}, {@code kind} defaults to API_PUSH (inbound) or API_GET
 * (outbound), {@code contentType} to JSON (a media type such as {@code application/json} is accepted too),
 * {@code active} to true and the other flags to false. {@code expansions} replace ids in the body by the
 * resources they name; {@code polling} is for POLLING payloads only. The audit properties are read-only.
 */
public record PayloadDto(@Nullable String apiName, @Nullable String label, @Nullable String description,
                         @Nullable String direction, @Nullable String kind, @Nullable String contentType,
                         @Nullable Boolean allowPartialSuccess, @Nullable Boolean active,
                         @Nullable InboundAuthDto auth, @Nullable String dedupeKey, @Nullable String orderingKey,
                         @Nullable Boolean syncResponse, @Nullable String whenInactive,
                         @Nullable List<@Nullable String> redactPaths, @Nullable String endpointUrl,
                         @Nullable String httpMethod, @Nullable String credential,
                         @Nullable List<@Nullable ElementDto> elements, @Nullable List<@Nullable TargetDto> targets,
                         @Nullable List<@Nullable SourceDto> sources,
                         @Nullable List<@Nullable ExpansionDto> expansions, @Nullable PollingDto polling,
                         @JsonProperty(access = Access.READ_ONLY) @Nullable Instant createdAt,
                         @JsonProperty(access = Access.READ_ONLY) @Nullable String createdBy,
                         @JsonProperty(access = Access.READ_ONLY) @Nullable Instant modifiedAt,
                         @JsonProperty(access = Access.READ_ONLY) @Nullable String modifiedBy,
                         @JsonProperty(access = Access.READ_ONLY) @Nullable Long version) {

    public PayloadDto withApiNameOr(String name) {
        return apiName != null ? this : new PayloadDto(name, label, description, direction, kind, contentType,
                allowPartialSuccess, active, auth, dedupeKey, orderingKey, syncResponse, whenInactive, redactPaths,
                endpointUrl, httpMethod, credential, elements, targets, sources, expansions, polling, createdAt, createdBy, modifiedAt,
                modifiedBy, version);
    }
}
